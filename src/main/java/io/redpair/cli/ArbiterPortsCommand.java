package io.redpair.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.redpair.arbiter.PortScanner;
import io.redpair.arbiter.SerialPortScanner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redpair arbiter ports}: the serial ports the OS lists, with description and USB serial number. */
@Command(mixinStandardHelpOptions = true, name = "ports", description = "List serial ports with description and USB serial number.")
public final class ArbiterPortsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: [{path, description, usbSerial}].")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<PortScanner.PortInfo> ports = SerialPortScanner.system().ports();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            ports.forEach(p -> array.addObject().put("path", p.path()).put("description", p.description()).put("usbSerial", p.usbSerial()));
            out.println(array.toPrettyString());
            return ExitCodes.OK;
        }
        if (ports.isEmpty()) {
            out.println("no serial ports found");
        }
        out.printf("%-24s %-36s %s%n", "PORT", "DESCRIPTION", "USB SERIAL");
        ports.forEach(p -> out.printf("%-24s %-36s %s%n", p.path(), p.description(), p.usbSerial().isEmpty() ? "-" : p.usbSerial()));
        return ExitCodes.OK;
    }
}
