import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandOrigin } from '../commands/command-origin.decorator';
import type { CommandOrigin as Origin } from '../commands/command-request';
import { CommandRoute } from '../commands/command-route.decorator';
import { CommandSender } from '../commands/command-sender.service';
import {
  PLEDGE_MATCH_FUNDING_EXAMPLES,
  RECEIVE_MATCH_FUNDING_EXAMPLES,
  WITHDRAW_MATCH_FUNDING_EXAMPLES,
} from './award-command.examples';
import { PledgeMatchFundingDto } from './dto/pledge-match-funding.dto';
import { ReceiveMatchFundingDto } from './dto/receive-match-funding.dto';
import { WithdrawMatchFundingDto } from './dto/withdraw-match-funding.dto';

/** Partners' contributions to an award: pledged, received, withdrawn while unpaid. */
@ApiTags('match funding')
@ApiParam({ name: 'awardId', description: 'The award, e.g. dapi21-cleveland.', required: true })
@Controller('awards/:awardId/match-funding')
export class MatchFundingController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandRoute({
    command: 'PledgeMatchFunding',
    summary: 'Pledge match funding to an award',
    body: PledgeMatchFundingDto,
    examples: PLEDGE_MATCH_FUNDING_EXAMPLES,
    refusedWhen: 'E.g. a window starting before the provision period.',
  })
  pledge(@Param('awardId') awardId: string, @Body() body: PledgeMatchFundingDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('PledgeMatchFunding', body, { awardId }, origin);
  }

  @Post(':contributionId/receipts')
  @ApiParam({ name: 'contributionId', description: 'The contribution, e.g. m-hartlepool.', required: true })
  @CommandRoute({
    command: 'ReceiveMatchFunding',
    summary: 'Record match funding received',
    body: ReceiveMatchFundingDto,
    examples: RECEIVE_MATCH_FUNDING_EXAMPLES,
    notFound: 'The award or the contribution was never recorded.',
    refusedWhen: 'RECEIPT_EXCEEDS_OUTSTANDING_PLEDGE: more than pledged, not withdrawn and not yet received.',
  })
  receive(
    @Param('awardId') awardId: string,
    @Param('contributionId') contributionId: string,
    @Body() body: ReceiveMatchFundingDto,
    @CommandOrigin() origin: Origin,
  ) {
    return this.commands.send('ReceiveMatchFunding', body, { awardId, contributionId }, origin);
  }

  @Post(':contributionId/withdrawals')
  @ApiParam({ name: 'contributionId', description: 'The contribution, e.g. m-redcar.', required: true })
  @CommandRoute({
    command: 'WithdrawMatchFunding',
    summary: 'Withdraw unpaid match funding',
    body: WithdrawMatchFundingDto,
    examples: WITHDRAW_MATCH_FUNDING_EXAMPLES,
    notFound: 'The award or the contribution was never recorded.',
    refusedWhen: 'More than is pledged and unreceived, or a withdrawal that leaves commitments unfunded.',
  })
  withdraw(
    @Param('awardId') awardId: string,
    @Param('contributionId') contributionId: string,
    @Body() body: WithdrawMatchFundingDto,
    @CommandOrigin() origin: Origin,
  ) {
    return this.commands.send('WithdrawMatchFunding', body, { awardId, contributionId }, origin);
  }
}
