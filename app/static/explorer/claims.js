// How claims read wherever they are listed: a badge for their kind, and who said them.

import { h } from "./dom.js";
import { CLAIM_KINDS, citation } from "./format.js";
import { link } from "./links.js";

/** A claim's kind as a tinted badge. */
export function claimBadge(claim) {
  return h("span", { class: `badge claim-${claim.kind}`, text: CLAIM_KINDS[claim.kind] ?? claim.kind });
}

/** A claim's tooltip in the reader: its kind, and who it is attributed to. */
export function claimTitle(claim) {
  const kind = `${CLAIM_KINDS[claim.kind] ?? claim.kind} claim`;
  return claim.speaker ? `${kind}, attributed to ${claim.speaker}` : kind;
}

/** Who a claim is attributed to ("X said"), linking the actor it is; nothing when the article
 * asserts it itself. */
export function speakerNote(claim) {
  if (!claim.speaker) return null;
  const name = claim.speaker_actor
    ? h("a", { href: link({ actor: claim.speaker_actor }), text: claim.speaker })
    : claim.speaker;
  return h("span", { class: "claim-speaker small" }, " — according to ", name);
}

/** The article a claim is from, to cite it (title, publisher, date). */
export function claimSource(claim) {
  if (!claim.article_meta) return null;
  return h("span", { class: "claim-source small", text: ` (${citation(claim.article_meta)})` });
}
