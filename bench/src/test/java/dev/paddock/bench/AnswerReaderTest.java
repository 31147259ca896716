package dev.paddock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every answer of the table, cut in two at every byte, read alike. */
class AnswerReaderTest {

    private static final String PROBLEM = "{\"type\":\"https://paddock.dev/problems/race-closed\",\"status\":409}";

    static Stream<Arguments> answers() {
        return Stream.of(
                // answer, body kept, ends with the connection, then: status, problem type, body, close
                Arguments.of("HTTP/1.1 200 \r\nContent-Length: 5\r\n\r\nhello", true, false, 200, null, "hello", false),
                Arguments.of("HTTP/1.1 200 OK\r\ncontent-length:5\r\n\r\nhello", false, false, 200, null, "", false),
                Arguments.of("HTTP/1.1 409 \r\nContent-Type: application/problem+json\r\nContent-Length: "
                        + PROBLEM.length() + "\r\n\r\n" + PROBLEM, false, false, 409,
                        "https://paddock.dev/problems/race-closed", PROBLEM, false),
                Arguments.of("HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\nZo\u00eb\r\n1\r\n!\r\n0\r\n\r\n",
                        true, false, 200, null, "Zo\u00eb!", false),
                Arguments.of("HTTP/1.1 200 \r\nTransfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\nTrailer: t\r\n\r\n",
                        true, false, 200, null, "0123456789", false),
                Arguments.of("HTTP/1.1 204 \r\nContent-Length: 99\r\n\r\n", true, false, 204, null, "", false),
                Arguments.of("HTTP/1.1 304 \r\nETag: \"v1\"\r\n\r\n", true, false, 304, null, "", false),
                Arguments.of("HTTP/1.1 200 \r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}", true, false, 200,
                        null, "{}", true),
                Arguments.of("HTTP/1.0 200 \r\nContent-Length: 2\r\n\r\n{}", true, false, 200, null, "{}", true),
                Arguments.of("HTTP/1.1 200 \r\nContent-Type: text/html\r\n\r\n<p>to the end</p>", true, true, 200,
                        null, "<p>to the end</p>", true),
                Arguments.of("HTTP/1.1 201 \n\tContent-Length: 0\nContent-Length:  2 \n\n{}", true, false, 201, null,
                        "{}", false));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void everyAnswerIsReadAlikeWhereverItsBytesAreCut(String text, boolean keepBody, boolean toClose, int status,
            String problemType, String body, boolean close) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            AnswerReader reader = new AnswerReader();
            reader.start(keepBody);
            boolean whole = reader.read(ByteBuffer.wrap(bytes, 0, cut));
            ByteBuffer rest = ByteBuffer.wrap(bytes, cut, bytes.length - cut);
            whole = reader.read(rest) || whole;
            assertThat(rest.remaining()).as("left after the answer, cut at %d", cut).isZero();
            if (toClose) {
                assertThat(whole).isFalse();
                whole = reader.end();
            }
            assertThat(whole).as("whole, cut at %d", cut).isTrue();
            assertThat(reader.reply()).as("cut at %d", cut).isEqualTo(new KeepAliveClient.Reply(status, problemType, body));
            assertThat(reader.close()).isEqualTo(close);
        }
    }

    @ParameterizedTest
    @MethodSource("answers")
    void oneReaderReadsAnswersOneAfterAnother(String text, boolean keepBody, boolean toClose, int status,
            String problemType, String body, boolean close) throws IOException {
        AnswerReader reader = new AnswerReader();
        for (int round = 0; round < 2; round++) {
            reader.start(keepBody);
            boolean whole = reader.read(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(toClose ? reader.end() : whole).isTrue();
            assertThat(reader.reply()).isEqualTo(new KeepAliveClient.Reply(status, problemType, body));
        }
    }

    @ParameterizedTest
    @MethodSource("cutShort")
    void anAnswerCutShortByTheEndOfItsConnectionFails(String text) throws IOException {
        AnswerReader reader = new AnswerReader();
        reader.start(true);
        assertThat(reader.read(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThatThrownBy(reader::end).isInstanceOf(EOFException.class);
    }

    static Stream<String> cutShort() {
        return Stream.of("", "HTTP/1.1 200", "HTTP/1.1 200 \r\nContent-Length: 5\r\n", "HTTP/1.1 200 \r\nContent-Length: 5\r\n\r\nhel",
                "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    }

    @ParameterizedTest
    @MethodSource("notHttp")
    void whatIsNotAnHttpAnswerIsRefused(String text) {
        AnswerReader reader = new AnswerReader();
        reader.start(true);
        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }

    static Stream<String> notHttp() {
        return Stream.of("SSH-2.0-OpenSSH\r\n", "HTTP/1.1 2x0 \r\n", "HTTP/2 200\r\n",
                "HTTP/1.1 200 \r\nContent-Length: 1x\r\n\r\n",
                "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n0\r\n\r\n");
    }
}
