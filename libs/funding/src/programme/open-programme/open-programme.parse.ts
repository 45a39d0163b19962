import {
  date,
  financialYear,
  id,
  money,
  NAME,
  organisation,
  parseCommandBody,
  required,
} from '../../input/command-body.parser';
import type { OpenProgramme } from '../programme.commands';

export const parseOpenProgramme = (raw: unknown): OpenProgramme =>
  parseCommandBody('OpenProgramme', raw, {
    programmeId: required(id),
    name: required(NAME),
    funder: required(organisation),
    envelope: required(money()),
    financialYear: required(financialYear),
    openedOn: required(date),
  });
