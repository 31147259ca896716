import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;

/** java Split.java file.jfr openingEpochSeconds spanSeconds [topFrames] */
public class Split {
    static final String[][] LANE = {{"Checkout.replay", "lane: race-full look-up"}, {"ApiLane.problem", "lane: problem answer"},
        {"ApiLane.write", "lane: 201/200 answer"}, {"Checkout.fingerprint", "lane: fingerprint"},
        {"RegistrationLane.read", "lane: JSON read"}, {"BearerTokens", "lane: token"}, {"checkAthlete", "lane: athlete and answers"},
        {"AnswerSchema", "lane: athlete and answers"}, {"", "lane: rest"}};
    static final String[][] TOP = {{"RegistrationWriter", "writers"}, {"QuickRead", "quick reads"},
        {"AnonymousPageCache.render", "catalogue pages rendered (MVC)"}, {"DispatcherServlet", "spring mvc other"},
        {"tomcat", "tomcat outside the filters"}, {"coyote", "tomcat outside the filters"}, {"", "other"}};

    public static void main(String[] a) throws Exception {
        double t0 = Double.parseDouble(a[1]), span = Double.parseDouble(a[2]);
        Map<String, Integer> stages = new TreeMap<>(); Map<String, Integer> tops = new HashMap<>();
        int n = 0; double cpu = 0, machine = 0; int loads = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
            double t = e.getStartTime().toEpochMilli() / 1000.0;
            if (t < t0 || t >= t0 + span) continue;
            String type = e.getEventType().getName();
            if (type.equals("jdk.CPULoad")) {
                cpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem"); machine += e.getFloat("machineTotal"); loads++;
            } else if (type.equals("jdk.ExecutionSample")) {
                n++;
                RecordedStackTrace st = e.getStackTrace();
                StringBuilder sb = new StringBuilder();
                if (st != null) for (RecordedFrame f : st.getFrames()) sb.append(f.getMethod().getType().getName()).append('.').append(f.getMethod().getName()).append(';');
                String s = sb.toString();
                stages.merge(stage(s), 1, Integer::sum);
                if (st != null && !st.getFrames().isEmpty()) { var f = st.getFrames().get(0); tops.merge(f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1, Integer::sum); }
            }
        }
        final int total = n;
        stages.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
            .forEach(x -> System.out.printf("%-40s %5d %5.1f%%%n", x.getKey(), x.getValue(), 100.0 * x.getValue() / total));
        System.out.printf("samples %d; server JVM CPU mean %.1f%% of the machine (2 cores), machine %.1f%% (%d CPULoad events)%n",
            n, 100 * cpu / Math.max(loads, 1), 100 * machine / Math.max(loads, 1), loads);
        if (a.length > 3) tops.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(Integer.parseInt(a[3]))
            .forEach(x -> System.out.printf("  top %5d %s%n", x.getValue(), x.getKey()));
    }

    static String stage(String s) {
        if (s.contains("RegistrationLane.serve") || s.contains("RegistrationLane.doFilterInternal")) {
            for (String[] r : LANE) if (s.contains(r[0])) return r[1];
        }
        for (String[] r : TOP) if (s.contains(r[0])) return r[1];
        return "other";
    }
}
