import { fundingCommandParsers, isProgrammeCommand, parseFundingCommand } from './funding-command.parse';

describe('parsing a command of a named type', () => {
  it('dispatches on the type', () => {
    const body = { awardId: 'a', disbursementId: 'd', reversedOn: '2021-12-15', reason: 'Duplicate' };
    const command = parseFundingCommand('ReverseDisbursement', body);
    expect(command).toEqual({ type: 'ReverseDisbursement', ...body });
    expect(isProgrammeCommand(command)).toBe(false);
  });

  it('knows the programme command from the award commands', () =>
    expect(
      isProgrammeCommand(
        parseFundingCommand('OpenProgramme', {
          programmeId: 'p',
          name: 'P',
          funder: { id: 'f', name: 'F' },
          envelope: '1.00',
          financialYear: '2021-22',
          openedOn: '2021-07-01',
        }),
      ),
    ).toBe(true));

  it('knows every command type of DESIGN', () =>
    expect(Object.keys(fundingCommandParsers).sort()).toEqual(
      [
        'OpenProgramme', 'MakeAward', 'VaryAward', 'PledgeMatchFunding', 'ReceiveMatchFunding', 'WithdrawMatchFunding',
        'CommitGrant', 'VaryGrantCommitment', 'PayDisbursement', 'ReverseDisbursement', 'ExtendProvision',
        'SetSpendProfile', 'RecordDecision', 'CertifyBudget', 'SubmitReturn', 'CloseAward',
      ].sort(),
    ));

  it.each([['CertifyBudgets'], ['toString'], [undefined]])('refuses the unknown type %s', (type) =>
    expect(() => parseFundingCommand(type, {})).toThrow(
      expect.objectContaining({
        code: 'INVALID_COMMAND',
        fields: [expect.objectContaining({ field: 'type', message: expect.stringMatching(/^type: unknown command type/) })],
      }),
    ));
});
