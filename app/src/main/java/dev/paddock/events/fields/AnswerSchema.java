package dev.paddock.events.fields;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A race's custom fields as a compiled JSON Schema (draft 2020-12), checking an athlete's answers: each
 * field is a property of its type, required fields are required, a required consent must be {@code true},
 * and no other key is allowed. Compiling costs far more than validating, so a race's schema is built once
 * per version of its fields ({@link AnswerSchemas}) and shared by every request. Thread-safe; no framework.
 */
public final class AnswerSchema {

    /** Dates are checked as RFC 3339 full-dates, which draft 2020-12 only annotates unless asked to assert. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, FieldDefinition> fields;
    private final ObjectNode json;
    private final Schema schema;

    private AnswerSchema(List<FieldDefinition> fields) {
        this.fields = new LinkedHashMap<>();
        fields.forEach(field -> this.fields.put(field.key(), field));
        this.json = schemaOf(fields);
        this.schema = REGISTRY.getSchema(json);
    }

    /** Compiles the schema of a list that {@link FieldDefinitions#problems} accepts. */
    public static AnswerSchema of(List<FieldDefinition> fields) {
        return new AnswerSchema(fields);
    }

    /** The JSON Schema document of a list of fields. */
    public static ObjectNode schemaOf(List<FieldDefinition> fields) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (FieldDefinition field : fields) {
            properties.set(field.key(), property(field));
            if (field.required()) {
                required.add(field.key());
            }
        }
        if (!required.isEmpty()) {
            root.set("required", required);
        }
        root.put("additionalProperties", false);
        return root;
    }

    private static ObjectNode property(FieldDefinition field) {
        ObjectNode property = NODES.objectNode();
        property.put("title", field.label());
        switch (field.type()) {
            case TEXT -> {
                property.put("type", "string");
                property.put("maxLength", field.maxLength() == null ? FieldDefinitions.DEFAULT_MAX_LENGTH
                        : field.maxLength());
                if (field.required()) {
                    property.put("pattern", "\\S");
                }
            }
            case NUMBER -> {
                property.put("type", "number");
                if (field.min() != null) {
                    property.put("minimum", field.min());
                }
                if (field.max() != null) {
                    property.put("maximum", field.max());
                }
            }
            case CHOICE -> {
                property.put("type", "string");
                ArrayNode options = property.putArray("enum");
                field.options().forEach(options::add);
            }
            case DATE -> {
                property.put("type", "string");
                property.put("format", "date");
            }
            case CONSENT -> {
                property.put("type", "boolean");
                if (field.required()) {
                    property.put("const", true);
                }
            }
        }
        return property;
    }

    public ObjectNode json() {
        return json.deepCopy();
    }

    public List<FieldDefinition> fields() {
        return List.copyOf(fields.values());
    }

    /**
     * What is wrong with the answers, one problem per offending key, each named {@code prefix.key}
     * ({@code answers.tshirt}); empty if they can be stored. Null answers count as none given.
     */
    public List<FieldProblem> problems(String prefix, JsonNode answers) {
        JsonNode given = answers == null || answers.isNull() || answers.isMissingNode() ? NODES.objectNode() : answers;
        if (!given.isObject()) {
            return List.of(new FieldProblem(prefix, "type", "The answers are an object keyed by field"));
        }
        Map<String, FieldProblem> byKey = new LinkedHashMap<>();
        for (Error error : schema.validate(given)) {
            String key = keyOf(error);
            if (key != null) {
                byKey.putIfAbsent(key, problem(prefix + "." + key, fields.get(key), error.getKeyword()));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String keyOf(Error error) {
        if ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword())) {
            return error.getProperty();
        }
        return error.getInstanceLocation().getNameCount() > 0 ? error.getInstanceLocation().getName(0) : null;
    }

    /** A message a reader understands, for the schema keyword that failed. */
    static FieldProblem problem(String at, FieldDefinition field, String keyword) {
        if (field == null) {
            return new FieldProblem(at, "unknown", "This race has no such field");
        }
        String label = field.label();
        return switch (keyword) {
            case "required", "pattern" -> new FieldProblem(at, "required", label + " is required");
            case "const" -> new FieldProblem(at, "consent", label + " must be accepted");
            case "enum" -> new FieldProblem(at, "not-an-option",
                    label + " must be one of: " + String.join(", ", field.options()));
            case "maxLength" -> new FieldProblem(at, "too-long", label + " has at most "
                    + (field.maxLength() == null ? FieldDefinitions.DEFAULT_MAX_LENGTH : field.maxLength())
                    + " characters");
            case "minimum" -> new FieldProblem(at, "too-small", label + " is at least " + field.min());
            case "maximum" -> new FieldProblem(at, "too-large", label + " is at most " + field.max());
            case "format" -> new FieldProblem(at, "not-a-date", label + " is a date such as 2026-05-31");
            default -> new FieldProblem(at, "type", label + " must be " + switch (field.type()) {
                case TEXT, CHOICE -> "a text";
                case NUMBER -> "a number";
                case DATE -> "a date such as 2026-05-31";
                case CONSENT -> "true or false";
            });
        };
    }
}
