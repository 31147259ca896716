package dev.paddock.shared;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.modeler.NoDescriptorRegistry;
import org.apache.tomcat.util.modeler.Registry;

/**
 * Tomcat's NIO HTTP/1.1 protocol, except that while Tomcat's MBean registry is off (Spring Boot's default,
 * {@code server.tomcat.mbeanregistry.enabled=false}) its request processors are not named for JMX.
 * <p>
 * Tomcat names every request processor it creates, and every one it drops beyond {@code processor-cache}, with an
 * {@code ObjectName} built from a string and parsed, under the connection handler's one lock, then hands the name
 * to the registry, which, being off, does nothing with it. A node that served a few requests at a time before an
 * opening creates a processor for each of the ~1,000 connections busy in the opening's first half second: in
 * session 16's rush (H1) the parse's loop ran hot enough in the interpreter to be compiled on the stack (OSR), 232 ms
 * of the JIT's CPU in the opening's first 400 ms, its largest compilation (README, Benchmarks, session 16).
 * <p>
 * The protocol asks {@link #getDomain()} whether to name a processor (register and unregister) and, once, while it
 * initializes, to name itself; so the domain is answered as Tomcat's while it initializes and as none after, when
 * the registry is off. With the registry on, it is Tomcat's own protocol.
 */
public class UnnamedProcessorsProtocol extends Http11NioProtocol {

    /** Spring Boot turns the registry off before it creates the connector, and so this protocol. */
    private final boolean registryOn = !(Registry.getRegistry(null) instanceof NoDescriptorRegistry);
    private volatile boolean initialized;

    @Override
    public void init() throws Exception {
        initialized = false;
        super.init();
        initialized = true;
    }

    /** Tomcat's JMX domain; none once initialized while the registry is off, so that processors go unnamed. */
    @Override
    public String getDomain() {
        return registryOn || !initialized ? super.getDomain() : null;
    }
}
