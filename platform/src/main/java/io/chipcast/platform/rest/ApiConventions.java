package io.chipcast.platform.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every chipcast API shares, said once in its OpenAPI document instead of on each operation:
 * <ul>
 *   <li>every error is an RFC 9457 problem ({@link Problem}): each 4xx and 5xx response gets the
 *       {@code application/problem+json} content with the {@code Problem} schema, and each
 *       operation a {@code default} response of the same kind for the statuses it does not list;</li>
 *   <li>lists come a page at a time ({@link PageRequest}): {@code limit} is a whole number, and
 *       {@code after} is where the previous page ended, as its {@code Link: rel="next"} says (unless
 *       the operation describes them itself).</li>
 * </ul>
 */
public class ApiConventions implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(VIOLATION, object("An offending field and what is wrong with it")
                .addProperty("field", text("The JSON path of the field ($ for the whole document), or the parameter or header name"))
                .addProperty("message", text("What the field must be"))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, object("An RFC 9457 problem")
                .addProperty("type", text("A URI naming the kind of problem"))
                .addProperty("title", text("The status' reason phrase"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description("The HTTP status"))
                .addProperty("detail", text("What went wrong, for a person"))
                .addProperty("instance", text("Where it went wrong, when that helps"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(reference(VIOLATION)).description("Each offending field of an invalid request"))
                .required(List.of("type", "title", "status")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            describeProblems(operation);
            describePageParameters(operation);
        }));
    }

    private static void describePageParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream().filter(parameter -> parameter.getIn() == Parameter.In.QUERY).forEach(parameter -> {
            if ("limit".equals(parameter.getName()) && parameter.getDescription() == null) {
                parameter.description("Items per page").schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                        .defaultValue(PageRequest.DEFAULT_LIMIT));
            } else if ("after".equals(parameter.getName()) && parameter.getDescription() == null) {
                parameter.description("Where the previous page ended: the next page's link (Link: rel=\"next\") carries it");
            }
        });
    }

    private static void describeProblems(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        Map<String, APIResponse> listed = responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        listed.forEach((status, response) -> {
            if (isError(status) && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(OASFactory.createAPIResponse().description("A problem (RFC 9457)").content(problemContent()));
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(reference(PROBLEM)));
    }

    private static Schema reference(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description(description);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
