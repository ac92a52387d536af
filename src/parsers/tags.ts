/**
 * Service-tag spelling (domain.md §1.3). Tags appear as `VMotion`, `vMotion`, `vmotion` (esxcli, API nicType,
 * blog pastes); everything downstream compares the esxcli spelling, so every reader of tags normalises here.
 */
import { ESXCLI_TAGS, type ServiceTag } from '../core/model/host.ts';

export { ESXCLI_TAGS } from '../core/model/host.ts';

const BY_LOWER: ReadonlyMap<string, string> = new Map(ESXCLI_TAGS.map((t) => [t.toLowerCase(), t]));

/** The esxcli spelling of a tag, matched case-insensitively; an unknown tag comes back verbatim (trimmed). */
export function normaliseTag(raw: string): ServiceTag {
  const tag = raw.trim();
  return BY_LOWER.get(tag.toLowerCase()) ?? tag;
}

export function isKnownTag(raw: string): boolean {
  return BY_LOWER.has(raw.trim().toLowerCase());
}

/**
 * Reads a tag list as printed after `Tags:`. The separator is [U] (§4.4: `Management, VMotion`); no esxcli tag
 * contains a space, so commas and whitespace both separate. Duplicates are dropped, order kept.
 */
export function splitTags(text: string): ServiceTag[] {
  const out: ServiceTag[] = [];
  for (const part of text.split(/[,\s]+/)) {
    if (part === '') continue;
    const tag = normaliseTag(part);
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}
