package dev.governor.input;

import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 from a byte stream, bounded while reading: invalid bytes fail with their line, a file
 * that grew past {@link Limits#maxBytes()} since it was measured fails, and a leading BOM is skipped.
 * The parsers read characters from here, so no byte reaches them unchecked.
 */
final class Utf8Reader extends Reader {
    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final String source;
    private final Limits limits;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private long read;
    private int line = 1;
    private boolean first = true;
    private boolean eof;

    Utf8Reader(InputStream in, String source, Limits limits) {
        this.in = in;
        this.source = source;
        this.limits = limits;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (!chars.hasRemaining()) {
            if (eof) {
                return -1;
            }
            decode();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Decodes the next characters into {@link #chars}, reading bytes as needed. */
    private void decode() throws IOException {
        chars.clear();
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isError()) {
                chars.flip();
                throw new GovernanceException(source, line + newlines(), "the file is not valid UTF-8: save it as UTF-8");
            }
            if (eof) {
                decoder.flush(chars);
                break;
            }
            if (chars.position() > 0) {
                break;
            }
            fill();
        }
        chars.flip();
        if (first && chars.hasRemaining() && chars.get(0) == BOM) {
            chars.get();
        }
        first = false;
        line += newlines();
    }

    /** Reads more bytes behind those not yet decoded (at most the tail of one character). */
    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n == -1) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
            read += n;
            if (read > limits.maxBytes()) {
                throw StructuredInput.tooLarge(source, limits, "more than " + limits.maxBytes() + " bytes");
            }
        }
        bytes.flip();
    }

    /** Line breaks among the characters from {@link #chars}' position to its limit. */
    private int newlines() {
        int count = 0;
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
