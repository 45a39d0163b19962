import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { AwardEventsController } from './award-events.controller';
import { AwardsController } from './awards.controller';
import { GrantsController } from './grants.controller';
import { MatchFundingController } from './match-funding.controller';

@Module({
  imports: [CommandsModule],
  controllers: [AwardsController, MatchFundingController, GrantsController, AwardEventsController],
})
export class AwardsModule {}
