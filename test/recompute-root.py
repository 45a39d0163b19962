#!/usr/bin/env python3
"""Recomputes fundledger's Merkle root from an export-log file with nothing but Python's standard library.

Usage: recompute-root.py LOG.jsonl             prints "<tree size> <root hex>" of the events in the file;
                                                exit 0 when they match the checkpoint on its last line
       recompute-root.py --signed-message LOG.jsonl  writes the bytes the checkpoint's signature covers,
                                                for `openssl pkeyutl -verify -rawin` (docs/audit-trail.md) It follows docs/audit-trail.md only: canonical JSON, the chain hash, the
leaf encoding and RFC 9162's tree. It never imports or runs the service's code.
"""
import hashlib
import json
import sys


def canonical(value):
    # Keys sorted by UTF-16 code units (JavaScript's sort), no whitespace, JSON.stringify's escaping.
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode('utf-16-be'))
        return '{' + ','.join(json.dumps(k, ensure_ascii=False) + ':' + canonical(value[k]) for k in keys) + '}'
    if isinstance(value, list):
        return '[' + ','.join(canonical(v) for v in value) + ']'
    return json.dumps(value, ensure_ascii=False)


def content_hash(event):
    metadata = {k: v for k, v in event['metadata'].items() if k != 'hash'}
    prev = event['metadata'].get('prevHash', '')
    text = '\0'.join([prev if isinstance(prev, str) else '', event['type'], canonical(event['data']), canonical(metadata)])
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def leaf_hash(event):
    leaf = json.dumps(['fundledger-event-v1', event['position'], event['stream'], event['revision'], event['id'],
                       content_hash(event)], ensure_ascii=False, separators=(',', ':'))
    return hashlib.sha256(b'\x00' + leaf.encode('utf-8')).digest()


def root(leaves):
    # RFC 9162 section 2.1.1: split at the largest power of two smaller than n.
    if not leaves:
        return hashlib.sha256(b'').digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b'\x01' + root(leaves[:k]) + root(leaves[k:])).digest()


def main():
    signed_message = sys.argv[1] == '--signed-message'
    lines = [json.loads(line) for line in open(sys.argv[-1], encoding='utf-8') if line.strip()]
    checkpoint = lines[-1]['checkpoint']
    if signed_message:
        # Ed25519 is not in the standard library: openssl checks the signature over these bytes.
        fields = {k: v for k, v in checkpoint.items() if k != 'signature'}
        sys.stdout.write(canonical(dict(fields, format='fundledger-checkpoint-v1')))
        return
    events = [line['event'] for line in lines if 'event' in line]
    tree_root = root([leaf_hash(e) for e in events]).hex()
    print(len(events), tree_root)
    ok = str(len(events)) == checkpoint['treeSize'] and tree_root == checkpoint['rootHash']
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
