import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin } from '../commands/command-origin.decorator';
import type { CommandOrigin as Origin } from '../commands/command-request';
import { CommandRoute } from '../commands/command-route.decorator';
import { CommandSender } from '../commands/command-sender.service';
import { OpenProgrammeDto } from './dto/open-programme.dto';
import { OPEN_PROGRAMME_EXAMPLES } from './programme-command.examples';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandRoute({
    command: 'OpenProgramme',
    createsFor: 'funder',
    description: "Recorded by the funder's own finance officers (the token's org must include funder.id).",
    summary: "Open a funder's programme, the pot awards are made from",
    body: OpenProgrammeDto,
    examples: OPEN_PROGRAMME_EXAMPLES,
    notFound: 'Not used by this command.',
  })
  open(@Body() body: OpenProgrammeDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('OpenProgramme', body, {}, origin);
  }
}
