import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ProgrammesController } from './programmes.controller';

@Module({
  imports: [CommandsModule],
  controllers: [ProgrammesController],
})
export class ProgrammesModule {}
