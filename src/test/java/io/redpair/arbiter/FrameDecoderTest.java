package io.redpair.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameDecoderTest {

    private static final String KICK = "$1,0003,KICK*F65D\r\n";

    private static List<FrameDecoder.Result> decode(String s) {
        return new FrameDecoder().feed(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void noiseBeforeTheStartCharacterIsSkipped() {
        assertThat(decode("xx\r\n\u0000garbage" + KICK)).singleElement().isInstanceOf(FrameDecoder.Accepted.class);
    }

    @Test
    void truncatedFrameFollowedByAGoodOneYieldsTheGoodOne() {
        List<FrameDecoder.Result> r = decode("$1,0003,KI" + KICK);
        assertThat(r).hasSize(2);
        assertThat(r.get(0)).isInstanceOf(FrameDecoder.Rejection.class);
        assertThat(r.get(1)).isInstanceOf(FrameDecoder.Accepted.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "crc mismatch|$1,0003,KICK*F65E\\r\\n|E01",
            "lowercase crc|$1,0004,STATUS*de27\\r\\n|E02",
            "missing crc|$1,0003,KICK\\r\\n|E02",
            "short crc|$1,0003,KICK*F65\\r\\n|E02",
            "bare LF|$1,0003,KICK*F65D\\n|E02",
            "byte outside charset|$1,0003,KI\\u0080CK*F65D\\r\\n|E02",
            "tab|$1,0003,\\tKICK*F65D\\r\\n|E02",
    })
    void badFramesAreRejectedWithAReasonAndCounted(String name, String input, String code) {
        FrameDecoder d = new FrameDecoder();
        List<FrameDecoder.Result> r = d.feed(input.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\u0080", "\u0080").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r).singleElement().isInstanceOfSatisfying(FrameDecoder.Rejection.class, rej -> {
            assertThat(rej.code().name()).isEqualTo(code);
            assertThat(rej.toString()).startsWith("rejected, because ");
        });
        assertThat(d.rejectedCount()).isEqualTo(1);
    }

    @Test
    void grammarErrorsBehindAValidCrcAreRejected() {
        for (String body : List.of("2,0001,KICK", "1,001,KICK", "1,0001,kick", "1,0001,HELLO,min", "1,0001,OK",
                "1,0001,ER,E05", "1,0001,HELLO,ho st=x", "1,0001,HELLO,host=a|b", "1,0001,HELLO,=x", "1,0001,HELLO,host=")) {
            String frame = "$" + body + "*" + Crc16.hex4(Crc16.of(body)) + "\r\n";
            assertThat(decode(frame)).as(body).singleElement().isInstanceOf(FrameDecoder.Rejection.class);
        }
    }

    @Test
    void frameOfExactly160BytesIsAcceptedAnd161IsNot() {
        assertThat(decode(frameOfLength(160))).singleElement().isInstanceOf(FrameDecoder.Accepted.class);
        assertThat(decode(frameOfLength(161))).singleElement().isInstanceOf(FrameDecoder.Rejection.class);
    }

    @Test
    void fieldsSplitAtTheFirstEquals() {
        Frame.Ok ok = (Frame.Ok) SpecVectorsTest.decodeOne("$1,0010,OK,PREP,nonce=7F3A,ttl=3000,cmd=FENCE/box=A/mode=OFF/epoch=42*EB11");
        assertThat(ok.get("cmd")).isEqualTo("FENCE/box=A/mode=OFF/epoch=42");
    }

    private static String frameOfLength(int total) {
        String prefix = "1,0001,HELLO,min=1,max=1,host=";
        int hostLen = total - 1 - prefix.length() - 5 - 2;
        String body = prefix + "h".repeat(hostLen);
        return "$" + body + "*" + Crc16.hex4(Crc16.of(body)) + "\r\n";
    }
}
