"""A small OpenAI-compatible transcription server for the tests: it really transcribes.

POST /v1/audio/transcriptions (multipart: file, model, response_format, timestamp_granularities[])
decodes the upload with ffmpeg (webm/opus, ogg, wav, ...) to 16 kHz mono PCM and runs the PyPI
package pocketsphinx, whose wheel ships an English acoustic and language model, so nothing comes
from a model hub. It answers `verbose_json` (text, duration, word timings) or `json` (text),
as OpenAI and the self-hosted Whisper servers do. GET /health answers 200.

Usage: python server.py PORT
"""

import email.parser
import email.policy
import json
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from pocketsphinx import Decoder

SAMPLE_RATE = 16000
FRAMES_PER_SECOND = 100
MAX_UPLOAD = 64 * 1024 * 1024
# Pocketsphinx's markers for silence, noise and sentence edges are not words.
NOT_WORDS = {"<s>", "</s>", "<sil>", "[noise]", "[speech]", "[breath]", "[cough]", "[laugh]", "[um]", "[uh]"}

DECODER = Decoder(samprate=SAMPLE_RATE)


def form_fields(content_type, body):
    """The multipart form's fields: name -> (filename or None, bytes)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    fields = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            fields[name] = (part.get_filename(), part.get_payload(decode=True) or b"")
    return fields


def decode_audio(audio):
    """16 kHz mono signed 16-bit PCM, or None when ffmpeg cannot read the upload."""
    done = subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", "pipe:0",
         "-f", "s16le", "-ac", "1", "-ar", str(SAMPLE_RATE), "pipe:1"],
        input=audio, capture_output=True, timeout=60, check=False,
    )
    return done.stdout if done.returncode == 0 and done.stdout else None


def transcribe(pcm):
    """The words heard, each (word, start seconds, end seconds)."""
    DECODER.start_utt()
    DECODER.process_raw(pcm, full_utt=True)
    DECODER.end_utt()
    words = []
    for segment in DECODER.seg():
        word = segment.word.split("(")[0]
        if word.lower() in NOT_WORDS or not word:
            continue
        words.append((word, segment.start_frame / FRAMES_PER_SECOND, segment.end_frame / FRAMES_PER_SECOND))
    return words


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def refuse(self, status, message):
        self.reply(status, {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": None}})

    def do_GET(self):
        if self.path == "/health":
            self.reply(200, {"status": "ok"})
        else:
            self.refuse(404, "not found")

    def do_POST(self):
        if self.path.rstrip("/") != "/v1/audio/transcriptions":
            return self.refuse(404, "not found")
        length = int(self.headers.get("Content-Length", "0"))
        if length > MAX_UPLOAD:
            return self.refuse(413, "file too large")
        fields = form_fields(self.headers.get("Content-Type", ""), self.rfile.read(length))
        if "file" not in fields:
            return self.refuse(400, "no file")
        pcm = decode_audio(fields["file"][1])
        if pcm is None:
            return self.refuse(400, "the file is not audio")
        words = transcribe(pcm)
        text = " ".join(word for word, _, _ in words)
        response_format = fields.get("response_format", (None, b"json"))[1].decode() or "json"
        if response_format == "verbose_json":
            self.reply(200, {
                "task": "transcribe",
                "language": "english",
                "duration": len(pcm) / (2 * SAMPLE_RATE),
                "text": text,
                "words": [{"word": w, "start": s, "end": e} for w, s, e in words],
            })
        elif response_format == "json":
            self.reply(200, {"text": text})
        else:
            self.refuse(400, f"response_format {response_format} is not supported")


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
