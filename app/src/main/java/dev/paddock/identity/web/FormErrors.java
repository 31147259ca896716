package dev.paddock.identity.web;

import dev.paddock.shared.ProblemException;
import org.springframework.validation.BindingResult;

/**
 * Shows a refused request next to the form field it is about. Codes become message keys
 * ({@code identity.error.<code>}), so the page speaks the visitor's language; the English detail is the
 * fallback.
 */
final class FormErrors {

    private FormErrors() {
    }

    static void show(ProblemException problem, BindingResult form) {
        if (problem.fieldProblems().isEmpty()) {
            form.reject("identity.error." + problem.slug(), problem.getMessage());
            return;
        }
        problem.fieldProblems().forEach(field -> {
            if (form.getTarget() != null && hasField(form, field.field())) {
                form.rejectValue(field.field(), "identity.error." + field.code(), field.message());
            } else {
                form.reject("identity.error." + field.code(), field.message());
            }
        });
    }

    private static boolean hasField(BindingResult form, String field) {
        try {
            return form.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
