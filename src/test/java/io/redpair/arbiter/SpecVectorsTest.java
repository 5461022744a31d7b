package io.redpair.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example frame of ARBITER-PROTOCOL.md section 7 decodes and re-encodes byte for byte. */
class SpecVectorsTest {

    static Stream<String> specFrames() {
        return Stream.of(
                "$1,0001,HELLO,min=1,max=1,host=WS07*D392",
                "$1,0001,OK,HELLO,proto=1,fw=1.2.0,hw=B,sn=A0042,boot=17,rst=POR,caps=SEL.FENCE.PSENSE.RFB.BEAT,sel=A,epoch=41,mode=REMOTE*290D",
                "$1,0002,ARM,host_to=5000,policy=HOLD*DE3B",
                "$1,0002,OK,ARM,host_to=5000,policy=HOLD*05CB",
                "$1,0003,KICK*F65D",
                "$1,0003,OK,KICK,left=5000*517E",
                "$1,0004,STATUS*DE27",
                "$1,0004,OK,STATUS,st=ARMED,sel=A,rfb=A,fA=0,fB=0,pA=1,pB=1,hA=120,hB=80,left=4870,epoch=41,mode=REMOTE,err=0*2433",
                "$1,0010,PREP,FENCE,box=A,mode=OFF,epoch=42*6570",
                "$1,0010,OK,PREP,nonce=7F3A,ttl=3000,cmd=FENCE/box=A/mode=OFF/epoch=42*EB11",
                "$1,0011,EXEC,nonce=7F3A*7C82",
                "$1,0011,OK,FENCE,box=A,fA=1,pA=0,epoch=42*B9B5",
                "!1,0009,EV,FENCED,box=A,pA=0,epoch=42*45BB",
                "$1,0012,ACK,ev=0009*1F3C",
                "$1,0012,OK,ACK,ev=0009*E11A",
                "$1,0013,PREP,SELECT,box=B,epoch=42*B9FA",
                "$1,0013,OK,PREP,nonce=1C05,ttl=3000,cmd=SELECT/box=B/epoch=42*61BC",
                "$1,0014,EXEC,nonce=1C05*88C1",
                "$1,0014,OK,SELECT,sel=B,rfb=B,epoch=42*158C",
                "$1,0015,PREP,SELECT,box=A,epoch=41*E32E",
                "$1,0015,ER,E05,msg=STALE_EPOCH,epoch=42*B018",
                "!1,000A,EV,HOSTLOST,sel=B*D014",
                "!1,0000,EV,BOOT,rst=BOR,sel=B,epoch=42,fw=1.2.0*20DC",
                "$1,FFFF,ER,E01,msg=CRC*9E8A");
    }

    @Test
    void crcCheckValueIs29B1() {
        assertThat(Crc16.hex4(Crc16.of("123456789"))).isEqualTo("29B1");
    }

    @ParameterizedTest
    @MethodSource("specFrames")
    void specFrameDecodesAndReencodesByteForByte(String line) {
        byte[] wire = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
        List<FrameDecoder.Result> results = new FrameDecoder().feed(wire);

        assertThat(results).hasSize(1).first().isInstanceOf(FrameDecoder.Accepted.class);
        Frame frame = ((FrameDecoder.Accepted) results.get(0)).frame();
        assertThat(WireFormat.encode(frame)).isEqualTo(line + "\r\n");
    }

    @Test
    void typedCommandsEncodeToTheSpecFrames() {
        assertThat(line(new ArbiterCommand.Hello(1, 1, "WS07"), 0x0001)).isEqualTo("$1,0001,HELLO,min=1,max=1,host=WS07*D392");
        assertThat(line(new ArbiterCommand.Arm(5000), 0x0002)).isEqualTo("$1,0002,ARM,host_to=5000,policy=HOLD*DE3B");
        assertThat(line(new ArbiterCommand.Kick(), 0x0003)).isEqualTo("$1,0003,KICK*F65D");
        assertThat(line(new ArbiterCommand.Status(), 0x0004)).isEqualTo("$1,0004,STATUS*DE27");
        assertThat(line(new ArbiterCommand.Prep(new ArbiterCommand.Fence(io.redpair.pair.BoxId.A, FenceMode.OFF, 0, 42)), 0x0010))
                .isEqualTo("$1,0010,PREP,FENCE,box=A,mode=OFF,epoch=42*6570");
        assertThat(line(new ArbiterCommand.Exec(0x7F3A), 0x0011)).isEqualTo("$1,0011,EXEC,nonce=7F3A*7C82");
        assertThat(line(new ArbiterCommand.Ack(9), 0x0012)).isEqualTo("$1,0012,ACK,ev=0009*1F3C");
        assertThat(line(new ArbiterCommand.Prep(new ArbiterCommand.Select(Selection.B, 42)), 0x0013))
                .isEqualTo("$1,0013,PREP,SELECT,box=B,epoch=42*B9FA");
        assertThat(new ArbiterCommand.Fence(io.redpair.pair.BoxId.A, FenceMode.OFF, 0, 42).canonical()).isEqualTo("FENCE/box=A/mode=OFF/epoch=42");
    }

    @Test
    void specRepliesReadAsTypedRecords() {
        Frame.Ok status = (Frame.Ok) decodeOne("$1,0004,OK,STATUS,st=ARMED,sel=A,rfb=A,fA=0,fB=0,pA=1,pB=1,hA=120,hB=80,left=4870,epoch=41,mode=REMOTE,err=0*2433");
        ArbiterStatus s = ArbiterStatus.parse(status);
        assertThat(s).isEqualTo(new ArbiterStatus(ArbiterStatus.ArmState.ARMED, Selection.A, ArbiterStatus.RelayFeedback.A,
                false, false, true, true, 120, 80, 4870, 41, false, 0));
        Frame.Error stale = (Frame.Error) decodeOne("$1,0015,ER,E05,msg=STALE_EPOCH,epoch=42*B018");
        assertThat(CommandResult.of(stale)).isEqualTo(new CommandResult.StaleEpoch(42));
        Frame.Event boot = (Frame.Event) decodeOne("!1,0000,EV,BOOT,rst=BOR,sel=B,epoch=42,fw=1.2.0*20DC");
        assertThat(ArbiterEvent.parse(boot)).isEqualTo(new ArbiterEvent.Boot(0, "BOR", Selection.B, 42, "1.2.0"));
        Frame.Event hostLost = (Frame.Event) decodeOne("!1,000A,EV,HOSTLOST,sel=B*D014");
        assertThat(ArbiterEvent.parse(hostLost).critical()).isTrue();
        assertThat(ArbiterEvent.toFrame(ArbiterEvent.parse(boot))).isEqualTo(boot);
    }

    private static String line(ArbiterCommand c, int seq) {
        return WireFormat.encode(c.toFrame(seq)).trim();
    }

    static Frame decodeOne(String line) {
        List<FrameDecoder.Result> r = new FrameDecoder().feed((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return ((FrameDecoder.Accepted) r.get(0)).frame();
    }
}
