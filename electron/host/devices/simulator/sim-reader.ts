import { encodeCardText, fixturePhoto, serialBytes, type CardFixture } from '../../../domain/devices/card-fixture.js';
import { Command, decodeCommand, encodeResponse, MIN_COMMAND_LEN } from '../../../domain/devices/sam-frame.js';
import { createReassembler } from '../../../domain/devices/sam-reassembler.js';
import type { DeviceEnd } from './fake-link.js';

export type ReaderFault = 'sam_failure' | 'bad_checksum' | 'garbage' | 'silence' | 'read_failure' | 'truncated' | 'oversized';

/**
 * A GA 467 reader as bytes: it reassembles commands from whatever it is sent and answers each with
 * the frames a real reader sends, so the host's codec, loop and error paths run as in the field.
 */
export function simulatedReader(end: DeviceEnd) {
  const commands = createReassembler(MIN_COMMAND_LEN);
  let card: { text: Uint8Array; photo: Uint8Array; serial: Uint8Array } | null = null;
  const faults = new Set<ReaderFault>();
  let reads = 0;
  let received = 0;

  const is = (cmd: number, para: number, name: keyof typeof Command) => Command[name][0] === cmd && Command[name][1] === para;

  function answer(cmd: number, para: number): Uint8Array {
    if (is(cmd, para, 'samStatus') || is(cmd, para, 'resetSam')) return encodeResponse(faults.has('sam_failure') ? 0x60 : 0x90);
    if (is(cmd, para, 'readSamId'))
      return encodeResponse(
        0x90,
        Uint8Array.from({ length: 16 }, (_, i) => i),
      );
    if (is(cmd, para, 'findCard')) return card ? encodeResponse(0x9f, new Uint8Array(4)) : encodeResponse(0x80);
    if (is(cmd, para, 'selectCard')) return card ? encodeResponse(0x90, card.serial) : encodeResponse(0x81);
    if (is(cmd, para, 'readTextPhoto')) {
      if (!card) return encodeResponse(0x41);
      if (faults.has('read_failure')) return encodeResponse(0x41);
      reads += 1;
      const data = new Uint8Array(4 + card.text.length + card.photo.length);
      data.set([card.text.length >> 8, card.text.length & 0xff, card.photo.length >> 8, card.photo.length & 0xff], 0);
      data.set(card.text, 4);
      data.set(card.photo, 4 + card.text.length);
      return encodeResponse(0x90, data);
    }
    return encodeResponse(0x21);
  }

  end.onCommand((chunk) => {
    for (const item of commands.push(chunk)) {
      if (item.kind === 'error') {
        end.send(encodeResponse(item.error.code === 'bad_checksum' ? 0x10 : 0x11));
        continue;
      }
      received += 1;
      if (faults.has('silence')) continue;
      const { cmd, para } = decodeCommand(item.bytes);
      let reply = answer(cmd, para);
      if (faults.has('bad_checksum')) {
        reply = reply.slice();
        reply[reply.length - 1] = (reply[reply.length - 1] ?? 0) ^ 0x5a;
      }
      if (faults.has('garbage')) reply = Uint8Array.of(0x13, 0x00, 0xaa, 0xaa, 0xff, ...reply);
      // A reply cut short (the line dropped mid-frame), or one whose LEN claims 64 KiB.
      if (faults.has('truncated')) reply = reply.subarray(0, Math.max(7, reply.length - 2));
      if (faults.has('oversized')) reply = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff, ...reply.subarray(7));
      end.send(reply);
    }
  });

  return {
    put(fixture: CardFixture): void {
      card = { text: encodeCardText(fixture), photo: fixturePhoto(), serial: serialBytes(fixture) };
    },
    remove(): void {
      card = null;
    },
    get hasCard(): boolean {
      return card !== null;
    },
    setFault(fault: ReaderFault, on: boolean): void {
      if (on) faults.add(fault);
      else faults.delete(fault);
    },
    /** How many text+photo reads the reader answered: the test of "read once". */
    get reads(): number {
      return reads;
    },
    get commandsReceived(): number {
      return received;
    },
    end,
  };
}
export type SimulatedReader = ReturnType<typeof simulatedReader>;
