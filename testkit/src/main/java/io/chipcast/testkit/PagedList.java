package io.chipcast.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;

/** Walks a paged list endpoint as a client does: page after page, following each {@code Link: <…>; rel="next"}. */
public final class PagedList {

    private static final int MAX_PAGES = 100;

    private PagedList() {
    }

    /** {@code field} of every item from {@code path} to the last page (at most 100 pages), in order. */
    public static List<String> walk(String token, String path, String field) {
        List<String> values = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null && pages < MAX_PAGES; pages++) {
            // A next link is encoded already: RestAssured must not encode its % again.
            Response page = given().urlEncodingEnabled(pages == 0).auth().oauth2(token).when().get(next)
                    .then().statusCode(200).extract().response();
            List<Object> items = page.jsonPath().getList(field);
            items.forEach(item -> values.add(String.valueOf(item)));
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        return values;
    }
}
