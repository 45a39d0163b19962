import { CommandScriptError, parseCommandScript } from './command-script';

const script = (fields: Record<string, unknown>): string =>
  JSON.stringify({ description: 'Test script', source: 'A published decision', commands: [], ...fields });

const award = { commandId: 'c-1', type: 'MakeAward', awardId: 'a-1', amount: '100.00' };

const problemsOf = (text: string): readonly string[] => {
  try {
    parseCommandScript('scripts/test.json', text);
  } catch (error) {
    if (error instanceof CommandScriptError) return error.problems;
    throw error;
  }
  throw new Error('expected the script to be refused');
};

describe('reading a command script', () => {
  describe('when the script is well formed', () => {
    it('keeps each command body apart from its commandId and type, with its place in the script', () => {
      const parsed = parseCommandScript(
        'scripts/test.json',
        script({ requires: ['national.json'], notes: ['Stated total differs from the sum of lines'], commands: [award] }),
      );

      expect(parsed).toEqual({
        path: 'scripts/test.json',
        name: 'test.json',
        description: 'Test script',
        source: 'A published decision',
        requires: ['national.json'],
        assumptions: [],
        notes: ['Stated total differs from the sum of lines'],
        commands: [{ index: 0, commandId: 'c-1', type: 'MakeAward', body: { awardId: 'a-1', amount: '100.00' } }],
      });
    });
  });

  describe('when the file is not a script', () => {
    it('names the file and the JSON error', () =>
      expect(() => parseCommandScript('scripts/test.json', '{"commands": [')).toThrow(/^scripts\/test\.json: not valid JSON: /));

    it('refuses a top-level value that is not an object', () =>
      expect(problemsOf('[]')).toEqual(['must be a JSON object, got array']));

    it('names every problem at once, each command by its index and commandId', () =>
      expect(
        problemsOf(
          JSON.stringify({
            source: 7,
            note: [],
            commands: [award, 'MakeAward', { type: 'CommitGrant' }, { commandId: 'c-2' }, { ...award, amount: '1.00' }],
          }),
        ),
      ).toEqual([
        'unknown field note; a script has description, source, requires, assumptions, notes, commands',
        'description must be a non-empty string, got undefined',
        'source must be a non-empty string, got number',
        'commands[1] must be an object, got string',
        'commands[2]: commandId must be a non-empty string, got undefined',
        'commands[3] (commandId c-2): type must be a non-empty string, got undefined',
        'commands[4] (commandId c-1): commandId is already used by commands[0]',
      ]));

    it('refuses a script without commands', () => {
      expect(problemsOf(script({ commands: undefined }))).toEqual(['commands must be a list, got undefined']);
      expect(problemsOf(script({ commands: [] }))).toEqual(['commands is empty']);
    });

    it('refuses notes that are not a list of strings', () =>
      expect(problemsOf(script({ notes: 'one note', commands: [award] }))).toEqual(['notes must be a list of strings']));
  });
});
