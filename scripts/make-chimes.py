#!/usr/bin/env python3
"""Synthesises the timer's sounds into assets/sounds/ (run once; the WAV files are committed).

chime.wav  -- at zero: three bell strokes rising (E5, G#5, B5), each a sum of inharmonic
              partials with an exponential decay, the whole normalised to 0.9 of full scale.
minute.wav -- a minute before: one softer, shorter stroke (E5), at 0.9 of full scale too, so
              that it is heard at the back of the room.
16-bit PCM, mono, 22,050 Hz: small enough to be embedded in the binary.
Only the Python standard library: python3 scripts/make-chimes.py
"""
import math
import os
import struct
import wave

RATE = 22050
PEAK = 0.9
# A bell's partials relative to its fundamental (hum, prime, tierce, quint, nominal) and their weights.
PARTIALS = [(0.5, 0.25), (1.0, 1.0), (1.19, 0.45), (1.5, 0.35), (2.0, 0.5), (2.74, 0.2), (3.76, 0.1)]


def stroke(samples, start, freq, length, decay):
    begin = int(start * RATE)
    for i in range(int(length * RATE)):
        t = i / RATE
        attack = min(1.0, t / 0.004)  # 4 ms: no click
        env = attack * math.exp(-t / decay)
        value = 0.0
        for ratio, weight in PARTIALS:
            # higher partials die sooner, as in a real bell
            value += weight * math.exp(-t * ratio / (decay * 3.0)) * math.sin(2 * math.pi * freq * ratio * t)
        if begin + i < len(samples):
            samples[begin + i] += env * value


def write(path, samples):
    peak = max(abs(s) for s in samples) or 1.0
    fade = int(0.05 * RATE)
    frames = bytearray()
    for i, s in enumerate(samples):
        gain = 1.0 if i < len(samples) - fade else (len(samples) - i) / fade
        frames += struct.pack('<h', int(round(s / peak * PEAK * gain * 32767)))
    with wave.open(path, 'wb') as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.path.join(here, '..', 'assets', 'sounds')
    os.makedirs(folder, exist_ok=True)
    chime = [0.0] * int(1.6 * RATE)
    for k, freq in enumerate([659.25, 830.61, 987.77]):
        stroke(chime, k * 0.18, freq, 1.6 - k * 0.18, 0.35)
    write(os.path.join(folder, 'chime.wav'), chime)
    minute = [0.0] * int(0.7 * RATE)
    stroke(minute, 0.0, 659.25, 0.7, 0.18)
    write(os.path.join(folder, 'minute.wav'), minute)


if __name__ == '__main__':
    main()
