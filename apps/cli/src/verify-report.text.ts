import type { FindingJson, VerifyReport } from '@fundledger/audit';

const place = (finding: FindingJson): string =>
  finding.stream !== undefined && finding.revision !== undefined
    ? `${finding.stream} at revision ${finding.revision}`
    : finding.position !== undefined
      ? `position ${finding.position}`
      : 'the log';

/** verify's answer for a person: OK with the tree (and checkpoint), or the first divergence, then every finding. */
export const verifyReportLines = (report: VerifyReport): string[] => {
  const tree = `tree: ${report.treeSize} events to position ${report.lastPosition}, root ${report.rootHash}`;
  const anchor =
    report.checkpoint === undefined
      ? []
      : [
          `checkpoint: ${report.checkpoint.treeSize} events, root ${report.checkpoint.rootHash}, key ${report.checkpoint.keyId}: ` +
            `signature ${report.checkpoint.signatureValid ? 'holds' : 'DOES NOT HOLD'}, ` +
            (report.checkpoint.consistent
              ? `the log still begins with it (consistency proof of ${report.checkpoint.proof.length} hashes)`
              : 'the log NO LONGER begins with it'),
        ];
  if (report.ok) {
    return [`OK: ${report.streams} streams, ${report.events} events; every hash chain holds`, tree, ...anchor];
  }
  const first = report.firstDivergence!;
  const broken = new Set(report.findings.filter((f) => f.stream !== undefined).map((f) => f.stream)).size;
  return [
    `DIVERGED first at ${place(first)}: ${first.code}: ${first.message}`,
    ...report.findings.map((finding) => `${finding.stream === undefined ? 'FOUND' : 'BROKEN'} ${place(finding)}: ${finding.code}: ${finding.message}`),
    tree,
    ...anchor,
    `${report.findings.length} finding(s); ${broken} of ${report.streams} streams broken (${report.events} events checked)`,
  ];
};
