import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin } from '../commands/command-origin.decorator';
import type { CommandOrigin as Origin } from '../commands/command-request';
import { CommandRoute } from '../commands/command-route.decorator';
import { CommandSender } from '../commands/command-sender.service';
import {
  CLOSE_AWARD_EXAMPLES,
  EXTEND_PROVISION_EXAMPLES,
  MAKE_AWARD_EXAMPLES,
  RECORD_DECISION_EXAMPLES,
  SET_SPEND_PROFILE_EXAMPLES,
  VARY_AWARD_EXAMPLES,
} from './award-command.examples';
import { CloseAwardDto } from './dto/close-award.dto';
import { ExtendProvisionDto } from './dto/extend-provision.dto';
import { MakeAwardDto } from './dto/make-award.dto';
import { RecordDecisionDto } from './dto/record-decision.dto';
import { SetSpendProfileDto } from './dto/set-spend-profile.dto';
import { VaryAwardDto } from './dto/vary-award.dto';

/** The award itself: made, varied, extended, profiled, decided on, closed. */
@ApiTags('awards')
@Controller('awards')
export class AwardsController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandRoute({
    command: 'MakeAward',
    createsFor: 'recipient',
    summary: 'Make an award',
    description: "Recorded by the recipient's own finance officers (the token's org must include recipient.id). An award named after a programme needs the programme opened first.",
    body: MakeAwardDto,
    examples: MAKE_AWARD_EXAMPLES,
    notFound: 'The programme it names was never opened (PROGRAMME_NOT_FOUND).',
    refusedWhen: 'E.g. a window that ends before it starts.',
  })
  make(@Body() body: MakeAwardDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('MakeAward', body, {}, origin);
  }

  @Post(':awardId/variations')
  @CommandRoute({
    command: 'VaryAward',
    summary: "Vary an award's amount or extend its window",
    body: VaryAwardDto,
    examples: VARY_AWARD_EXAMPLES,
    refusedWhen: 'E.g. a reduction that leaves commitments unfunded, or a shorter window.',
  })
  vary(@Param('awardId') awardId: string, @Body() body: VaryAwardDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('VaryAward', body, { awardId }, origin);
  }

  @Post(':awardId/provision-extensions')
  @CommandRoute({
    command: 'ExtendProvision',
    summary: 'Extend the provision period, funded by match funding',
    body: ExtendProvisionDto,
    examples: EXTEND_PROVISION_EXAMPLES,
    notFound: 'The award, or a contribution it names, was never recorded.',
    refusedWhen: 'E.g. a new end that is not later than the current one.',
  })
  extend(@Param('awardId') awardId: string, @Body() body: ExtendProvisionDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('ExtendProvision', body, { awardId }, origin);
  }

  @Put(':awardId/spend-profile')
  @CommandRoute({
    command: 'SetSpendProfile',
    summary: 'Set the planned cost of provision per month',
    description: 'Replaces the whole profile (hence PUT); the previous one stays in the log.',
    body: SetSpendProfileDto,
    examples: SET_SPEND_PROFILE_EXAMPLES,
    refusedWhen: 'E.g. months that are not exactly the provision months.',
  })
  setSpendProfile(@Param('awardId') awardId: string, @Body() body: SetSpendProfileDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('SetSpendProfile', body, { awardId }, origin);
  }

  @Post(':awardId/decisions')
  @CommandRoute({
    command: 'RecordDecision',
    summary: 'Record a published decision and the totals it states',
    description: 'The declared totals are kept as published and checked against the ledger by the read side.',
    body: RecordDecisionDto,
    examples: RECORD_DECISION_EXAMPLES,
  })
  recordDecision(@Param('awardId') awardId: string, @Body() body: RecordDecisionDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('RecordDecision', body, { awardId }, origin);
  }

  @Post(':awardId/closure')
  @CommandRoute({
    command: 'CloseAward',
    summary: 'Close the award; nothing financial may be recorded after',
    body: CloseAwardDto,
    examples: CLOSE_AWARD_EXAMPLES,
    refusedWhen: 'E.g. an underspend larger than what is unspent.',
  })
  close(@Param('awardId') awardId: string, @Body() body: CloseAwardDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('CloseAward', body, { awardId }, origin);
  }
}
