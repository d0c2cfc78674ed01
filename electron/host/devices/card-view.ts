import type { CardView } from '../../domain/devices/device-contract.js';
import type { CardText } from '../../domain/devices/id-card-text.js';
import { maskName, maskNumber } from '../../domain/identity/mask.js';

/** What goes to the bound terminal: the decoded fields plus the masked forms a public screen shows.
 * The photo stays in the host (WLT bytes only vendor libraries decode). */
export function cardView(card: CardText, photo: Uint8Array): CardView {
  return { ...card, hasPhoto: photo.length > 0, masked: { name: maskName(card.name), idNumber: maskNumber(card.idNumber) } };
}
