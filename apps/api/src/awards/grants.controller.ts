import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandOrigin } from '../commands/command-origin.decorator';
import type { CommandOrigin as Origin } from '../commands/command-request';
import { CommandRoute } from '../commands/command-route.decorator';
import { CommandSender } from '../commands/command-sender.service';
import {
  COMMIT_GRANT_EXAMPLES,
  PAY_DISBURSEMENT_EXAMPLES,
  REVERSE_DISBURSEMENT_EXAMPLES,
  VARY_GRANT_COMMITMENT_EXAMPLES,
} from './award-command.examples';
import { CommitGrantDto } from './dto/commit-grant.dto';
import { PayDisbursementDto } from './dto/pay-disbursement.dto';
import { ReverseDisbursementDto } from './dto/reverse-disbursement.dto';
import { VaryGrantCommitmentDto } from './dto/vary-grant-commitment.dto';

/** Grants out of an award to delivery organisations, and the payments against them. */
@ApiTags('grants and payments')
@ApiParam({ name: 'awardId', description: 'The award, e.g. dapi21-cleveland.', required: true })
@Controller('awards/:awardId')
export class GrantsController {
  constructor(private readonly commands: CommandSender) {}

  @Post('grants')
  @CommandRoute({
    command: 'CommitGrant',
    summary: 'Commit part of the available funding to a grantee',
    body: CommitGrantDto,
    examples: COMMIT_GRANT_EXAMPLES,
    refusedWhen: 'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING: commitments above the award plus pledged, unwithdrawn match funding.',
  })
  commit(@Param('awardId') awardId: string, @Body() body: CommitGrantDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('CommitGrant', body, { awardId }, origin);
  }

  @Post('grants/:grantId/variations')
  @ApiParam({ name: 'grantId', description: 'The grant, e.g. g-harbour.', required: true })
  @CommandRoute({
    command: 'VaryGrantCommitment',
    summary: 'Vary a grant commitment',
    body: VaryGrantCommitmentDto,
    examples: VARY_GRANT_COMMITMENT_EXAMPLES,
    notFound: 'The award or the grant was never recorded.',
    refusedWhen: 'Below what is already paid, or above available funding.',
  })
  vary(
    @Param('awardId') awardId: string,
    @Param('grantId') grantId: string,
    @Body() body: VaryGrantCommitmentDto,
    @CommandOrigin() origin: Origin,
  ) {
    return this.commands.send('VaryGrantCommitment', body, { awardId, grantId }, origin);
  }

  @Post('grants/:grantId/disbursements')
  @ApiParam({ name: 'grantId', description: 'The grant, e.g. g-harbour.', required: true })
  @CommandRoute({
    command: 'PayDisbursement',
    summary: 'Pay a disbursement against a grant',
    body: PayDisbursementDto,
    examples: PAY_DISBURSEMENT_EXAMPLES,
    notFound: 'The award or the grant was never recorded.',
    refusedWhen: 'PAYMENT_EXCEEDS_COMMITMENT: paid net of reversals above the commitment.',
  })
  pay(
    @Param('awardId') awardId: string,
    @Param('grantId') grantId: string,
    @Body() body: PayDisbursementDto,
    @CommandOrigin() origin: Origin,
  ) {
    return this.commands.send('PayDisbursement', body, { awardId, grantId }, origin);
  }

  @Post('disbursements/:disbursementId/reversals')
  @ApiParam({ name: 'disbursementId', description: 'The payment, e.g. d-harbour-2021-11.', required: true })
  @CommandRoute({
    command: 'ReverseDisbursement',
    summary: 'Reverse a payment (payments are never edited)',
    body: ReverseDisbursementDto,
    examples: REVERSE_DISBURSEMENT_EXAMPLES,
    notFound: 'The award or the disbursement was never recorded.',
    refusedWhen: 'DISBURSEMENT_ALREADY_REVERSED.',
  })
  reverse(
    @Param('awardId') awardId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ReverseDisbursementDto,
    @CommandOrigin() origin: Origin,
  ) {
    return this.commands.send('ReverseDisbursement', body, { awardId, disbursementId }, origin);
  }
}
