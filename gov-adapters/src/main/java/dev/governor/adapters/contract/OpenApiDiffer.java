package dev.governor.adapters.contract;

import dev.governor.api.ContractDiff.Item;
import dev.governor.api.GovernanceException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openapitools.openapidiff.core.compare.OpenApiDiff;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedMetadata;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * The breaking-change diff of two OpenAPI descriptions (2.0 and 3.x), built on openapi-diff: swagger-parser
 * reads each (2.0 converted to 3.0), openapi-diff compares them, and this walk turns its result into items with
 * a JSON pointer, a kind and a verdict. Where openapi-diff is silent or judges differently from rules.md, the
 * walk fills in: the effective security of every operation (the top-level {@code security} included; a new
 * requirement where there was none breaks), request properties removed, and response headers made required.
 * Pointers follow the operation (a property of a referenced schema is named under the operation that uses it).
 */
final class OpenApiDiffer {

    static {
        // swagger-parser's own YAML bound (3 MiB) is below ours; the shared reader has already bounded the file
        DeserializationUtils.getOptions().setMaxYamlCodePoints(Spec.LIMITS.maxBytes());
    }

    private final List<Item> items = new ArrayList<>();
    /** Schema comparisons already walked: openapi-diff shares them between operations, and they may recurse. */
    private final Set<ChangedSchema> walked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private OpenApiDiffer() {
    }

    /**
     * Every difference between two OpenAPI descriptions: openapi-diff's comparison, walked; where openapi-diff
     * fails on a description swagger-parser read (it does on some large real ones), the diff of the trees.
     */
    static List<Item> diff(Spec base, Spec revision) {
        try {
            return compare(base, revision);
        } catch (OpenApiDiffFailed e) {
            return deep(() -> OpenApiTreeDiffer.diff(base, revision), base);
        }
    }

    /** openapi-diff failed on descriptions that parse: a limit of the library, not bad input. */
    private static final class OpenApiDiffFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OpenApiDiffFailed(Throwable cause) {
            super(cause);
        }
    }

    private static List<Item> compare(Spec base, Spec revision) {
        Task<OpenAPI> reading = Task.start(() -> read(revision), revision.name());
        OpenAPI before = deep(() -> read(base), base);
        OpenAPI after = reading.join();
        return deep(() -> {
            try {
                ChangedOpenApi changed = OpenApiDiff.compare(before, after, OPTIONS);
                OpenApiDiffer walk = new OpenApiDiffer();
                walk.endpoints(changed, after);
                for (ChangedOperation op : changed.getChangedOperations()) {
                    walk.operation(op);
                }
                walk.security(before, after);
                walk.closedRequests(before, after);
                return walk.items;
            } catch (RuntimeException | StackOverflowError e) {
                throw new OpenApiDiffFailed(e);
            }
        }, base);
    }

    /**
     * The stack of the thread that compares: openapi-diff recurses once per level of nested schemas; where it
     * recurses without end (Stripe's description), a stack this size overflows within a second or two.
     */
    private static final long STACK = 32L << 20;

    /**
     * Runs openapi-diff's comparison on a thread of its own with a deep stack: large real descriptions (Stripe's)
     * nest schemas deeper than a default stack holds, and the caller's JVM flags are not ours to set.
     */
    static <T> T deep(java.util.function.Supplier<T> work, Spec spec) {
        return Task.start(work, spec.name()).join();
    }

    /**
     * Work on a thread of its own with a deep stack, started now and joined later: the two versions of a spec are
     * read side by side (two cores halve the wait for a large pair).
     */
    static final class Task<T> {
        private final Thread thread;
        private final String name;
        private T result;
        private Throwable failure;

        private Task(java.util.function.Supplier<T> work, String name) {
            this.name = name;
            this.thread = new Thread(null, () -> {
                try {
                    result = work.get();
                } catch (Throwable t) {
                    failure = t;
                }
            }, "governor-openapi-diff", STACK);
        }

        /** Starts {@code work} on a thread of its own; {@code name} is the file messages name. */
        static <T> Task<T> start(java.util.function.Supplier<T> work, String name) {
            Task<T> task = new Task<>(work, name);
            task.thread.start();
            return task;
        }

        /** The result, once the work is done; its failure rethrown (a stack overflow as a GovernanceException). */
        T join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while comparing " + name, e);
            }
            if (failure instanceof StackOverflowError) {
                throw new GovernanceException(name, 0, "its schemas nest too deeply to compare: check for a"
                        + " cycle of references that never reaches a property");
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }

    /**
     * openapi-diff's checks, with the two that rules.md asks for and openapi-diff leaves off by default turned on:
     * a request's minLength raised (a constraint tightened where clients send) and a response's numeric range
     * widened (values clients read may fall outside what they were promised).
     */
    private static final OpenApiDiffOptions OPTIONS = OpenApiDiffOptions.builder()
            .configProperty("incompatible.request.min.length.increased", "true")
            .configProperty("incompatible.response.numeric.range.increased", "true")
            .build();

    /**
     * Reads a description with swagger-parser (a 2.0 one through its converter), resolving local references.
     *
     * @throws GovernanceException naming file and line when swagger-parser cannot make a description of it
     */
    static OpenAPI read(Spec spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        boolean v2 = spec.root().get("swagger") != null;
        SwaggerParseResult result;
        try {
            result = v2 ? new SwaggerConverter().readContents(spec.text(), null, options)
                    : new OpenAPIV3Parser().readContents(spec.text(), null, options);
        } catch (RuntimeException e) {
            throw new GovernanceException(spec.name(), 1, "swagger-parser cannot read it ("
                    + e.getClass().getSimpleName() + "): check that it is a valid OpenAPI description", e);
        }
        if (result == null || result.getOpenAPI() == null) {
            List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
            String first = messages.isEmpty() ? "no description could be read" : messages.get(0);
            throw new GovernanceException(spec.name(), lineOf(spec, first), "not a valid OpenAPI description: " + first);
        }
        // a top-level part of the wrong type (paths: 7) is a description that does not parse; deeper slips (a
        // default of the wrong type, a missing responses) are read as openapi-diff reads them, leniently
        for (String message : result.getMessages() == null ? List.<String>of() : result.getMessages()) {
            if (message.matches("attribute [A-Za-z]+ is not of type.*")) {
                throw new GovernanceException(spec.name(), lineOf(spec, message), "not a valid OpenAPI description: "
                        + message);
            }
        }
        if (result.getOpenAPI().getPaths() == null) {
            result.getOpenAPI().setPaths(new io.swagger.v3.oas.models.Paths());
        }
        return result.getOpenAPI();
    }

    /** The line a swagger-parser message such as "attribute info.version is missing" points at. */
    private static int lineOf(Spec spec, String message) {
        int at = message.indexOf("attribute ");
        if (at < 0) {
            return 1;
        }
        String path = message.substring(at + "attribute ".length()).split(" ")[0];
        return spec.lineOf(path.split("\\."));
    }

    private void add(String pointer, String kind, boolean breaking, String message) {
        items.add(new Item(pointer, kind, breaking, message));
    }

    // ---- paths and operations

    private void endpoints(ChangedOpenApi changed, OpenAPI after) {
        Set<String> removedPaths = new TreeSet<>();
        for (Endpoint e : changed.getMissingEndpoints()) {
            if (after.getPaths().get(e.getPathUrl()) == null) {
                if (removedPaths.add(e.getPathUrl())) {
                    add(Pointer.of("", "paths", e.getPathUrl()), "path-removed", true,
                            "path " + e.getPathUrl() + " was removed");
                }
            } else {
                add(op(e.getPathUrl(), e.getMethod()), "operation-removed", true, name(e.getMethod(), e.getPathUrl())
                        + " was removed");
            }
        }
        Set<String> addedPaths = new TreeSet<>();
        for (Endpoint e : changed.getNewEndpoints()) {
            boolean newPath = changed.getOldSpecOpenApi().getPaths() == null
                    || changed.getOldSpecOpenApi().getPaths().get(e.getPathUrl()) == null;
            if (newPath) {
                if (addedPaths.add(e.getPathUrl())) {
                    add(Pointer.of("", "paths", e.getPathUrl()), "path-added", false, "path " + e.getPathUrl() + " was added");
                }
            } else {
                add(op(e.getPathUrl(), e.getMethod()), "operation-added", false, name(e.getMethod(), e.getPathUrl())
                        + " was added");
            }
        }
    }

    private void operation(ChangedOperation op) {
        String base = op(op.getPathUrl(), op.getHttpMethod());
        String name = name(op.getHttpMethod(), op.getPathUrl());
        if (op.isDeprecated()) {
            add(Pointer.child(base, "deprecated"), "operation-deprecated", false, name + " was deprecated");
        }
        if (changed(op.getOperationId())) {
            add(Pointer.child(base, "operationId"), "operation-id-changed", false, name + ": operationId changed");
        }
        metadata(op.getSummary(), Pointer.child(base, "summary"), name);
        metadata(op.getDescription(), Pointer.child(base, "description"), name);
        if (op.getParameters() != null) {
            parameters(op.getParameters(), op, base, name);
        }
        if (op.getRequestBody() != null) {
            requestBody(op.getRequestBody(), Pointer.child(base, "requestBody"), name);
        }
        if (op.getApiResponses() != null) {
            responses(op.getApiResponses(), Pointer.child(base, "responses"), name);
        }
    }

    private void metadata(ChangedMetadata m, String ptr, String name) {
        if (changed(m)) {
            add(ptr, "description-changed", false, name + ": " + last(ptr) + " changed");
        }
    }

    // ---- parameters

    private void parameters(ChangedParameters params, ChangedOperation op, String base, String name) {
        for (Parameter p : nonNull(params.getMissing())) {
            add(parameter(base, op.getOldOperation(), p), "request-parameter-removed", true,
                    name + ": " + p.getIn() + " parameter '" + p.getName() + "' was removed");
        }
        for (Parameter p : nonNull(params.getIncreased())) {
            boolean required = Boolean.TRUE.equals(p.getRequired());
            add(parameter(base, op.getNewOperation(), p), required ? "request-parameter-added-required"
                    : "request-parameter-added", required, name + ": " + (required ? "required " : "optional ")
                    + p.getIn() + " parameter '" + p.getName() + "' was added");
        }
        for (ChangedParameter cp : nonNull(params.getChanged())) {
            String ptr = parameter(base, op.getNewOperation(), cp.getNewParameter());
            String what = name + ": " + cp.getIn() + " parameter '" + cp.getName() + "'";
            if (cp.isChangeRequired()) {
                boolean nowRequired = Boolean.TRUE.equals(cp.getNewParameter().getRequired());
                add(Pointer.child(ptr, "required"), nowRequired ? "request-parameter-became-required"
                        : "request-parameter-became-optional", nowRequired, what + (nowRequired ? " is now required"
                        : " is no longer required"));
            }
            if (cp.isDeprecated()) {
                add(Pointer.child(ptr, "deprecated"), "request-parameter-deprecated", false, what + " was deprecated");
            }
            if (cp.isChangeStyle()) {
                add(Pointer.child(ptr, "style"), "request-parameter-style-changed", true, what + ": style changed");
            }
            if (cp.isChangeExplode()) {
                add(Pointer.child(ptr, "explode"), "request-parameter-explode-changed", true, what + ": explode changed");
            }
            if (cp.isChangeAllowEmptyValue()) {
                boolean narrowed = Boolean.TRUE.equals(cp.getOldParameter().getAllowEmptyValue());
                add(Pointer.child(ptr, "allowEmptyValue"), "request-parameter-allow-empty-value-changed", narrowed,
                        what + (narrowed ? ": empty values are no longer allowed" : ": empty values are now allowed"));
            }
            metadata(cp.getDescription(), Pointer.child(ptr, "description"), what);
            if (cp.getSchema() != null) {
                schema(cp.getSchema(), Pointer.child(ptr, "schema"), what, Direction.REQUEST);
            }
            if (cp.getContent() != null) {
                content(cp.getContent(), Pointer.child(ptr, "content"), what, Direction.REQUEST);
            }
        }
    }

    /** A parameter's pointer: its index in the operation's own list, else a token naming it ({@code query:limit}). */
    private static String parameter(String base, Operation operation, Parameter p) {
        List<Parameter> list = operation == null ? null : operation.getParameters();
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                Parameter q = list.get(i);
                if (Objects.equals(q.getName(), p.getName()) && Objects.equals(q.getIn(), p.getIn())) {
                    return Pointer.of(base, "parameters", String.valueOf(i));
                }
            }
        }
        return Pointer.of(base, "parameters", p.getIn() + ":" + p.getName());
    }

    // ---- bodies and responses

    private void requestBody(ChangedRequestBody body, String ptr, String name) {
        if (body.isChangeRequired()) {
            boolean nowRequired = body.getNewRequestBody() != null
                    && Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
            add(Pointer.child(ptr, "required"), nowRequired ? "request-body-became-required"
                    : "request-body-became-optional", nowRequired, name + ": the request body is "
                    + (nowRequired ? "now required" : "no longer required"));
        }
        metadata(body.getDescription(), Pointer.child(ptr, "description"), name + " request body");
        if (body.getContent() != null) {
            content(body.getContent(), Pointer.child(ptr, "content"), name + " request body", Direction.REQUEST);
        }
    }

    private void responses(ChangedApiResponse responses, String ptr, String name) {
        for (String code : new TreeSet<>(nonNull(responses.getMissing()).keySet())) {
            add(Pointer.child(ptr, code), "response-status-removed", true, name + ": response " + code + " was removed");
        }
        for (String code : new TreeSet<>(nonNull(responses.getIncreased()).keySet())) {
            add(Pointer.child(ptr, code), "response-status-added", false, name + ": response " + code + " was added");
        }
        for (Map.Entry<String, ChangedResponse> e : new TreeMap<>(nonNull(responses.getChanged())).entrySet()) {
            String p = Pointer.child(ptr, e.getKey());
            String what = name + " response " + e.getKey();
            ChangedResponse r = e.getValue();
            metadata(r.getDescription(), Pointer.child(p, "description"), what);
            if (r.getHeaders() != null) {
                headers(r.getHeaders(), Pointer.child(p, "headers"), what);
            }
            if (r.getContent() != null) {
                content(r.getContent(), Pointer.child(p, "content"), what, Direction.RESPONSE);
            }
        }
    }

    private void headers(ChangedHeaders headers, String ptr, String name) {
        for (String h : new TreeSet<>(nonNull(headers.getMissing()).keySet())) {
            add(Pointer.child(ptr, h), "response-header-removed", true, name + ": header '" + h + "' was removed");
        }
        for (String h : new TreeSet<>(nonNull(headers.getIncreased()).keySet())) {
            add(Pointer.child(ptr, h), "response-header-added", false, name + ": header '" + h + "' was added");
        }
        for (Map.Entry<String, ChangedHeader> e : new TreeMap<>(nonNull(headers.getChanged())).entrySet()) {
            String p = Pointer.child(ptr, e.getKey());
            String what = name + " header '" + e.getKey() + "'";
            ChangedHeader h = e.getValue();
            if (h.isRequired()) {
                Header before = h.getOldHeader();
                boolean wasRequired = before != null && Boolean.TRUE.equals(before.getRequired());
                // clients may rely on a required header; a header made required is one more they may read
                add(Pointer.child(p, "required"), wasRequired ? "response-header-became-optional"
                        : "response-header-became-required", wasRequired, what + (wasRequired
                        ? " is no longer always sent" : " is now always sent"));
            }
            if (h.isDeprecated()) {
                add(Pointer.child(p, "deprecated"), "response-header-deprecated", false, what + " was deprecated");
            }
            if (h.isStyle()) {
                add(Pointer.child(p, "style"), "response-header-style-changed", true, what + ": style changed");
            }
            if (h.isExplode()) {
                add(Pointer.child(p, "explode"), "response-header-explode-changed", true, what + ": explode changed");
            }
            metadata(h.getDescription(), Pointer.child(p, "description"), what);
            if (h.getSchema() != null) {
                schema(h.getSchema(), Pointer.child(p, "schema"), what, Direction.RESPONSE);
            }
            if (h.getContent() != null) {
                content(h.getContent(), Pointer.child(p, "content"), what, Direction.RESPONSE);
            }
        }
    }

    private void content(ChangedContent content, String ptr, String name, Direction d) {
        for (String type : new TreeSet<>(nonNull(content.getMissing()).keySet())) {
            add(Pointer.child(ptr, type), d.kind("media-type-removed"), true, name + ": media type " + type + " was removed");
        }
        for (String type : new TreeSet<>(nonNull(content.getIncreased()).keySet())) {
            add(Pointer.child(ptr, type), d.kind("media-type-added"), false, name + ": media type " + type + " was added");
        }
        for (Map.Entry<String, ChangedMediaType> e : new TreeMap<>(nonNull(content.getChanged())).entrySet()) {
            if (e.getValue().getSchema() != null) {
                schema(e.getValue().getSchema(), Pointer.of(ptr, e.getKey(), "schema"), name + " " + e.getKey(), d);
            }
        }
    }

    // ---- schemas

    /** Who sends the data a schema describes: the client (a request) or the server (a response). */
    enum Direction {
        REQUEST("request"), RESPONSE("response");

        final String word;

        Direction(String word) {
            this.word = word;
        }

        String kind(String what) {
            return word + "-" + what;
        }
    }

    private void schema(ChangedSchema s, String ptr, String name, Direction d) {
        if (s == null || !walked.add(s)) {
            return;
        }
        Schema<?> before = s.getOldSchema();
        Schema<?> after = s.getNewSchema();
        boolean formatOnly = s.isChangedType() && type(before).equals(type(after)); // openapi-diff counts format as type
        if (s.isChangedType() && !formatOnly) {
            add(Pointer.child(ptr, "type"), d.kind("type-changed"), true, name + ": type at " + ptr + " changed from "
                    + type(before) + " to " + type(after));
        }
        if (s.isChangeFormat() || formatOnly) {
            add(Pointer.child(ptr, "format"), d.kind("format-changed"), true, name + ": format at " + ptr + " changed from "
                    + (before == null ? null : before.getFormat()) + " to " + (after == null ? null : after.getFormat()));
        }
        if (s.isDiscriminatorPropertyChanged()) {
            add(Pointer.child(ptr, "discriminator"), "discriminator-changed", true, name + ": the discriminator at "
                    + ptr + " changed");
        }
        if (s.isChangeDeprecated()) {
            add(Pointer.child(ptr, "deprecated"), d.kind("schema-deprecated"), false, name + ": schema at " + ptr
                    + " deprecation changed");
        }
        if (s.isChangeDefault()) {
            add(Pointer.child(ptr, "default"), d.kind("default-changed"), false, name + ": default at " + ptr + " changed");
        }
        if (s.isChangeTitle()) {
            add(Pointer.child(ptr, "title"), "description-changed", false, name + ": title at " + ptr + " changed");
        }
        metadata(s.getDescription(), Pointer.child(ptr, "description"), name);
        properties(s, ptr, name, d);
        required(s.getRequired(), s, ptr, name, d);
        enumeration(s.getEnumeration(), ptr, name, d);
        constraint(s.getMaxLength(), ptr, "maxLength", name, d);
        constraint(s.getMinLength(), ptr, "minLength", name, d);
        constraint(s.getNumericRange(), ptr, "numericRange", name, d);
        constraint(s.getMultipleOf(), ptr, "multipleOf", name, d);
        constraint(s.getMaxItems(), ptr, "maxItems", name, d);
        constraint(s.getMinItems(), ptr, "minItems", name, d);
        constraint(s.getMaxProperties(), ptr, "maxProperties", name, d);
        constraint(s.getMinProperties(), ptr, "minProperties", name, d);
        constraint(s.getUniqueItems(), ptr, "uniqueItems", name, d);
        constraint(s.getNullable(), ptr, "nullable", name, d);
        constraint(s.getPattern(), ptr, "pattern", name, d);
        constraint(s.getReadOnly(), ptr, "readOnly", name, d);
        constraint(s.getWriteOnly(), ptr, "writeOnly", name, d);
        oneOf(s.getOneOfSchema(), ptr, name, d);
        if (s.getItems() != null) {
            schema(s.getItems(), Pointer.child(ptr, "items"), name, d);
        }
        additionalProperties(s, ptr, name, d);
    }

    private void properties(ChangedSchema s, String ptr, String name, Direction d) {
        Schema<?> after = s.getNewSchema();
        Set<String> required = after == null || after.getRequired() == null ? Set.of() : new HashSet<>(after.getRequired());
        for (Map.Entry<String, Schema<?>> e : new TreeMap<>(nonNull(s.getMissingProperties())).entrySet()) {
            // a property the other side never sees cannot break it: read-only ones are not sent, write-only not read
            boolean unseen = d == Direction.REQUEST ? Boolean.TRUE.equals(e.getValue().getReadOnly())
                    : Boolean.TRUE.equals(e.getValue().getWriteOnly());
            add(Pointer.of(ptr, "properties", e.getKey()), d.kind("property-removed"), !unseen,
                    name + ": property '" + e.getKey() + "' was removed");
        }
        for (Map.Entry<String, Schema<?>> e : new TreeMap<>(nonNull(s.getIncreasedProperties())).entrySet()) {
            boolean mustSend = d == Direction.REQUEST && required.contains(e.getKey())
                    && !Boolean.TRUE.equals(e.getValue().getReadOnly());
            add(Pointer.of(ptr, "properties", e.getKey()), d.kind(mustSend ? "required-property-added" : "property-added"),
                    mustSend, name + ": " + (required.contains(e.getKey()) ? "required" : "optional") + " property '"
                    + e.getKey() + "' was added");
        }
        for (Map.Entry<String, ChangedSchema> e : new TreeMap<>(nonNull(s.getChangedProperties())).entrySet()) {
            schema(e.getValue(), Pointer.of(ptr, "properties", e.getKey()), name, d);
        }
    }

    private void required(ChangedRequired r, ChangedSchema s, String ptr, String name, Direction d) {
        if (r == null) {
            return;
        }
        Set<String> added = nonNull(s.getIncreasedProperties()).keySet();
        String p = Pointer.child(ptr, "required");
        for (String prop : nonNull(r.getIncreased())) {
            if (added.contains(prop)) {
                continue; // reported as a required property added
            }
            boolean breaking = d == Direction.REQUEST && !readOnly(s.getNewSchema(), prop);
            add(p, d.kind("property-became-required"), breaking, name + ": property '" + prop + "' is now required");
        }
        for (String prop : nonNull(r.getMissing())) {
            if (nonNull(s.getMissingProperties()).containsKey(prop)) {
                continue; // reported as removed
            }
            boolean breaking = d == Direction.RESPONSE && !writeOnly(s.getOldSchema(), prop);
            add(p, d.kind("property-became-optional"), breaking, name + ": property '" + prop + "' is no longer required");
        }
    }

    private static boolean readOnly(Schema<?> schema, String prop) {
        Schema<?> p = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(prop);
        return p != null && Boolean.TRUE.equals(p.getReadOnly());
    }

    private static boolean writeOnly(Schema<?> schema, String prop) {
        Schema<?> p = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(prop);
        return p != null && Boolean.TRUE.equals(p.getWriteOnly());
    }

    private void enumeration(ChangedEnum<?> e, String ptr, String name, Direction d) {
        if (e == null) {
            return;
        }
        String p = Pointer.child(ptr, "enum");
        for (Object v : nonNull(e.getMissing())) {
            add(p, d.kind("enum-value-removed"), d == Direction.REQUEST, name + ": enum value '" + v + "' was removed");
        }
        for (Object v : nonNull(e.getIncreased())) {
            add(p, d.kind("enum-value-added"), d == Direction.RESPONSE, name + ": enum value '" + v + "' was added");
        }
    }

    /** A constraint openapi-diff judges on its own, knowing whether the schema is read or sent. */
    private void constraint(Changed c, String ptr, String keyword, String name, Direction d) {
        if (c == null || !c.isDifferent()) {
            return;
        }
        boolean breaking = c.isIncompatible();
        String token = keyword.equals("numericRange") ? "maximum" : keyword;
        add(Pointer.child(ptr, token), d.kind(kebab(keyword) + "-changed"), breaking,
                name + ": " + keyword + " at " + ptr + " changed" + (breaking ? " and breaks clients" : ""));
    }

    private void oneOf(ChangedOneOfSchema o, String ptr, String name, Direction d) {
        if (o == null) {
            return;
        }
        String p = Pointer.child(ptr, "oneOf");
        for (String ref : new TreeSet<>(nonNull(o.getMissing()).keySet())) {
            add(p, d.kind("one-of-removed"), d == Direction.REQUEST, name + ": oneOf lost " + ref);
        }
        for (String ref : new TreeSet<>(nonNull(o.getIncreased()).keySet())) {
            add(p, d.kind("one-of-added"), d == Direction.RESPONSE, name + ": oneOf gained " + ref);
        }
        for (Map.Entry<String, ChangedSchema> e : new TreeMap<>(nonNull(o.getChanged())).entrySet()) {
            schema(e.getValue(), Pointer.child(p, e.getKey()), name, d);
        }
    }

    /** The schema of additionalProperties, compared by openapi-diff when both sides have one. */
    private void additionalProperties(ChangedSchema s, String ptr, String name, Direction d) {
        if (s.getAddProp() != null) {
            schema(s.getAddProp(), Pointer.child(ptr, "additionalProperties"), name, d);
        }
    }

    // ---- request bodies closed: openapi-diff sees no change when additionalProperties becomes false

    private void closedRequests(OpenAPI before, OpenAPI after) {
        for (Map.Entry<String, PathItem> path : new TreeMap<>(after.getPaths()).entrySet()) {
            PathItem old = before.getPaths().get(path.getKey());
            if (old == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                Operation oldOp = old.readOperationsMap().get(op.getKey());
                if (oldOp == null || oldOp.getRequestBody() == null || op.getValue().getRequestBody() == null
                        || oldOp.getRequestBody().getContent() == null || op.getValue().getRequestBody().getContent() == null) {
                    continue;
                }
                String base = Pointer.of(op(path.getKey(), op.getKey()), "requestBody", "content");
                for (Map.Entry<String, io.swagger.v3.oas.models.media.MediaType> media
                        : new TreeMap<>(op.getValue().getRequestBody().getContent()).entrySet()) {
                    io.swagger.v3.oas.models.media.MediaType oldMedia = oldOp.getRequestBody().getContent().get(media.getKey());
                    if (oldMedia != null) {
                        closed(before, oldMedia.getSchema(), after, media.getValue().getSchema(),
                                Pointer.of(base, media.getKey(), "schema"), name(op.getKey(), path.getKey())
                                        + " request body " + media.getKey(), new HashSet<>());
                    }
                }
            }
        }
    }

    private void closed(OpenAPI before, Schema<?> oldSchema, OpenAPI after, Schema<?> newSchema, String ptr, String name,
                        Set<String> seen) {
        Schema<?> o = resolve(before, oldSchema);
        Schema<?> n = resolve(after, newSchema);
        if (o == null || n == null || !seen.add(System.identityHashCode(o) + ":" + System.identityHashCode(n))) {
            return;
        }
        if (!Boolean.FALSE.equals(o.getAdditionalProperties()) && Boolean.FALSE.equals(n.getAdditionalProperties())
                && (o.getProperties() != null || "object".equals(o.getType()))) {
            add(Pointer.child(ptr, "additionalProperties"), "request-additional-properties-closed", true,
                    name + ": properties not listed at " + ptr + " are no longer allowed");
        }
        if (o.getProperties() != null && n.getProperties() != null) {
            for (Map.Entry<String, Schema> p : new TreeMap<>(n.getProperties()).entrySet()) {
                closed(before, o.getProperties().get(p.getKey()), after, p.getValue(),
                        Pointer.of(ptr, "properties", p.getKey()), name, seen);
            }
        }
        if (o.getItems() != null && n.getItems() != null) {
            closed(before, o.getItems(), after, n.getItems(), Pointer.child(ptr, "items"), name, seen);
        }
    }

    /** A schema, following a local reference to the components. */
    private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < 32; hops++) {
            String ref = s.get$ref();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            s = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                    : api.getComponents().getSchemas().get(name);
        }
        return s;
    }

    // ---- security: the effective requirements of every operation in both versions

    private void security(OpenAPI before, OpenAPI after) {
        for (Map.Entry<String, PathItem> path : new TreeMap<>(after.getPaths()).entrySet()) {
            PathItem old = before.getPaths() == null ? null : before.getPaths().get(path.getKey());
            if (old == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                Operation oldOp = old.readOperationsMap().get(op.getKey());
                if (oldOp != null) {
                    operationSecurity(path.getKey(), op.getKey(), effective(before, oldOp), effective(after, op.getValue()),
                            op.getValue().getSecurity() != null);
                }
            }
        }
        schemes(before, after);
    }

    private void operationSecurity(String url, PathItem.HttpMethod method, List<Map<String, Set<String>>> before,
                                   List<Map<String, Set<String>>> after, boolean own) {
        String ptr = own ? Pointer.child(op(url, method), "security") : "/security";
        String name = name(method, url);
        boolean wasOpen = before.isEmpty() || before.contains(Map.of());
        boolean lost = false;
        for (Map<String, Set<String>> alternative : before) {
            if (after.isEmpty() || after.stream().anyMatch(n -> satisfiedBy(alternative, n))) {
                continue;
            }
            lost = true;
            boolean sameSchemes = after.stream().anyMatch(n -> n.keySet().equals(alternative.keySet()));
            boolean moreSchemes = after.stream().anyMatch(n -> n.keySet().containsAll(alternative.keySet()));
            String kind = wasOpen || moreSchemes && !sameSchemes ? "security-requirement-added"
                    : sameSchemes ? "security-scope-added" : "security-requirement-removed";
            add(ptr, kind, true, name + ": clients authorized by " + (alternative.isEmpty() ? "no credentials"
                    : show(alternative)) + " are no longer allowed (now " + show(after) + ")");
        }
        if (before.isEmpty() && !after.isEmpty() && !after.contains(Map.of())) {
            add(ptr, "security-requirement-added", true, name + ": now requires " + show(after));
        } else if (!lost && !before.isEmpty()) {
            for (Map<String, Set<String>> alternative : after) {
                if (!before.contains(alternative)) {
                    add(ptr, "security-alternative-added", false, name + ": may now also be called with "
                            + show(List.of(alternative)));
                }
            }
        }
    }

    /** Whether a client holding the credentials of {@code held} meets requirement {@code needed}. */
    private static boolean satisfiedBy(Map<String, Set<String>> held, Map<String, Set<String>> needed) {
        for (Map.Entry<String, Set<String>> e : needed.entrySet()) {
            Set<String> scopes = held.get(e.getKey());
            if (scopes == null || !scopes.containsAll(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** An operation's requirements: its own, else the description's top-level ones. */
    private static List<Map<String, Set<String>>> effective(OpenAPI api, Operation op) {
        List<SecurityRequirement> reqs = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
        List<Map<String, Set<String>>> out = new ArrayList<>();
        for (SecurityRequirement r : nonNull(reqs)) {
            Map<String, Set<String>> alt = new TreeMap<>();
            r.forEach((scheme, scopes) -> alt.put(scheme, new TreeSet<>(nonNull(scopes))));
            out.add(alt);
        }
        return out;
    }

    private static String show(Map<String, Set<String>> alternative) {
        List<String> parts = new ArrayList<>();
        alternative.forEach((k, v) -> parts.add(v.isEmpty() ? k : k + " " + v));
        return String.join(" + ", parts);
    }

    private static String show(List<Map<String, Set<String>>> alternatives) {
        if (alternatives.isEmpty()) {
            return "no credentials";
        }
        List<String> parts = new ArrayList<>();
        alternatives.forEach(a -> parts.add(a.isEmpty() ? "no credentials" : show(a)));
        return String.join(" or ", parts);
    }

    /** A security scheme whose type, location, name or OAuth URLs changed: clients hold the old ones. */
    private void schemes(OpenAPI before, OpenAPI after) {
        Map<String, SecurityScheme> old = before.getComponents() == null ? null : before.getComponents().getSecuritySchemes();
        Map<String, SecurityScheme> now = after.getComponents() == null ? null : after.getComponents().getSecuritySchemes();
        if (old == null || now == null) {
            return;
        }
        for (Map.Entry<String, SecurityScheme> e : new TreeMap<>(old).entrySet()) {
            SecurityScheme n = now.get(e.getKey());
            if (n == null) {
                continue; // a requirement naming it is reported per operation
            }
            SecurityScheme o = e.getValue();
            Map<String, Object> was = scheme(o);
            Map<String, Object> is = scheme(n);
            if (!was.equals(is)) {
                List<String> changed = new ArrayList<>();
                was.forEach((k, v) -> {
                    if (!Objects.equals(v, is.get(k))) {
                        changed.add(k);
                    }
                });
                add(Pointer.of("", "components", "securitySchemes", e.getKey()), "security-scheme-changed", true,
                        "security scheme '" + e.getKey() + "' changed its " + String.join(", ", changed));
            }
        }
    }

    private static Map<String, Object> scheme(SecurityScheme s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", s.getType());
        out.put("bearerFormat", s.getBearerFormat());
        out.put("in", s.getIn());
        out.put("name", s.getName());
        out.put("scheme", s.getScheme() == null ? null : s.getScheme().toLowerCase(Locale.ROOT));
        out.put("openIdConnectUrl", s.getOpenIdConnectUrl());
        if (s.getFlows() != null) {
            var f = s.getFlows();
            for (var flow : new Object[][] {{"implicit", f.getImplicit()}, {"password", f.getPassword()},
                    {"clientCredentials", f.getClientCredentials()}, {"authorizationCode", f.getAuthorizationCode()}}) {
                if (flow[1] instanceof io.swagger.v3.oas.models.security.OAuthFlow of) {
                    out.put(flow[0] + ".authorizationUrl", of.getAuthorizationUrl());
                    out.put(flow[0] + ".tokenUrl", of.getTokenUrl());
                    out.put(flow[0] + ".refreshUrl", of.getRefreshUrl());
                }
            }
        }
        return out;
    }

    // ---- helpers

    private static boolean changed(Changed c) {
        return c != null && c.isDifferent();
    }

    private static String op(String url, PathItem.HttpMethod method) {
        return Pointer.of("", "paths", url, method.name().toLowerCase(Locale.ROOT));
    }

    private static String name(PathItem.HttpMethod method, String url) {
        return method.name() + " " + url;
    }

    private static String type(Schema<?> s) {
        if (s == null) {
            return "none";
        }
        if (s.getTypes() != null && !s.getTypes().isEmpty()) {
            return String.join("|", new TreeSet<>(s.getTypes()));
        }
        return String.valueOf(s.getType());
    }

    private static String last(String ptr) {
        return ptr.substring(ptr.lastIndexOf('/') + 1);
    }

    private static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

}
