package dev.paddock.identity.account;

import dev.paddock.audit.AuditEntry;
import dev.paddock.audit.AuditLog;
import dev.paddock.identity.AccountId;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records identity's security events in the audit log, with the client address of the current request. */
@Component
public class IdentityAudit {

    /** The security events identity records; their names are the audit entry types. */
    public enum Event {
        ACCOUNT_REGISTERED, LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED, LOGIN_THROTTLED, ROLE_GRANTED,
        ROLE_REVOKED, PASSWORD_CHANGED, PASSWORD_RESET_REQUESTED, PASSWORD_RESET, TOKEN_ISSUED, REFRESH_TOKEN_REUSED,
        TOKENS_REVOKED, PLAYER_PROFILE_CHANGED
    }

    private final AuditLog log;

    IdentityAudit(AuditLog log) {
        this.log = log;
    }

    public void record(Event event, AccountId actor, AccountId subject, Map<String, Object> details) {
        log.record(new AuditEntry(event.name(), actor == null ? null : actor.value(),
                subject == null ? null : subject.value(), clientIp(), details));
    }

    /** The account acted on itself (logged in, changed its password...). */
    public void self(Event event, AccountId account, Map<String, Object> details) {
        record(event, account, account, details);
    }

    /**
     * The client's address. With {@code server.forward-headers-strategy=native} the container already
     * replaced the proxy's address by the one the trusted proxy forwarded.
     */
    public static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
