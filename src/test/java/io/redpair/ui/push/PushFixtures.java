package io.redpair.ui.push;

import io.redpair.flows.FlowSet;
import io.redpair.ui.fake.FakePushPort;

/** A small line-control flow as both boxes run it, and an edited version of it to push. */
public final class PushFixtures {

    public static final String ON_BOXES = """
            [{"id":"tab1","type":"tab","label":"Line control"},
             {"id":"inj1","type":"inject","z":"tab1","name":"Tick","repeat":"5","once":false,"x":100,"y":80,"wires":[["fn1"]]},
             {"id":"fn1","type":"function","z":"tab1","name":"Scale","func":"return msg;","outputs":1,"x":280,"y":80,"wires":[["dbg1"]]},
             {"id":"dbg1","type":"debug","z":"tab1","name":"Show","x":460,"y":80,"wires":[]}]
            """;

    /** Scale changed, Tick now fires once at start, a rate limiter and an MQTT broker added, Show removed. */
    public static final String EDITED = """
            [{"id":"tab1","type":"tab","label":"Line control"},
             {"id":"inj1","type":"inject","z":"tab1","name":"Tick","repeat":"5","once":true,"onceDelay":0.1,"x":100,"y":80,"wires":[["fn1"]]},
             {"id":"fn1","type":"function","z":"tab1","name":"Scale","func":"msg.payload *= 2;\\nreturn msg;","outputs":1,"x":280,"y":80,"wires":[["dly1"]]},
             {"id":"dly1","type":"delay","z":"tab1","name":"Rate limit","pauseType":"rate","rate":"1","nbRateUnits":"1","rateUnits":"second","drop":false,"x":460,"y":80,"wires":[[]]},
             {"id":"brk1","type":"mqtt-broker","name":"Plant broker","broker":"10.20.1.5","port":"1883","clientid":"","cleansession":true}]
            """;

    private PushFixtures() {
    }

    public static FlowSet onBoxes() {
        return FakePushPort.flows("box", ON_BOXES);
    }

    public static FlowSet edited() {
        return FakePushPort.flows("/plant/exports/line-control.json", EDITED);
    }

    public static FakePushPort port() {
        FakePushPort port = new FakePushPort(onBoxes());
        port.sources.put("/plant/exports/line-control.json", edited());
        return port;
    }
}
