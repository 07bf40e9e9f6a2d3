package fr.fraisdejustice.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body start is read ahead (to see whom it targets) and read again, whole, by the controller. Spring's
 * ContentCachingRequestWrapper will not do: it keeps only what the controller has read, after the filter decided.
 */
final class RereadableBodyRequest extends HttpServletRequestWrapper {

    /** Far more than a login or an account creation needs. */
    static final int READ_AHEAD = 16 * 1024;

    private final byte[] head;
    private final ServletInputStream replay;

    RereadableBodyRequest(HttpServletRequest request) throws IOException {
        super(request);
        InputStream original = request.getInputStream();
        this.head = original.readNBytes(READ_AHEAD + 1);
        this.replay = replay(new SequenceInputStream(new ByteArrayInputStream(head), original));
    }

    /** The whole body, if it is no longer than {@link #READ_AHEAD}. */
    Optional<byte[]> body() {
        return head.length <= READ_AHEAD ? Optional.of(head) : Optional.empty();
    }

    @Override
    public ServletInputStream getInputStream() {
        return replay;
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
        return new BufferedReader(new InputStreamReader(replay, charset));
    }

    private static ServletInputStream replay(InputStream body) {
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int read = body.read();
                finished = read < 0;
                return read;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = body.read(bytes, offset, length);
                finished = read < 0;
                return read;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                // the servlet API's answer outside asynchronous processing, which none of the limited endpoints uses
                throw new IllegalStateException("Lecture non bloquante impossible : la requête n'est pas asynchrone");
            }
        };
    }
}
