package fr.fraisdejustice.portal;

/**
 * One page of the provider portal: where it lives, its title, the form of {@code forms/} it renders, and the API call
 * its submit button makes ({@code GET} calls keep their criteria in the page's URL).
 *
 * @param formId    the form rendered
 * @param method    the call of the submit button, or {@code LOAD} for a read-only page showing what {@code action}
 *                  answers on opening
 * @param result    how the browser code shows a successful answer (a name it knows), or empty for a plain message
 * @param next      where to go after a success, or empty to stay
 * @param urlFields fields taken from the page's URL, as {@code field=parameter} pairs separated by commas
 *                  (the mailed links carry their token as {@code ?jeton=})
 * @param check     an API call made on opening with the URL fields, whose refusal is shown at once (a dead link)
 * @param multipart for a form with files, the name of the part that carries its other fields as JSON
 * @param lookups   option lists a form's selects take from the API, as {@code key=url|valueField} pairs separated by
 *                  commas (each item's {@code name} or {@code label} is shown)
 * <p>{@code {name}} in {@code action} or {@code check} stands for the URL parameter {@code name} (e.g. {@code ?structure=}).
 */
record PortalPage(String path, String title, String intro, String formId, String method, String action, String result,
                  String next, String urlFields, String check, String multipart, String lookups) {

    PortalPage(String path, String title, String intro, String formId, String method, String action, String result,
               String next, String urlFields, String check) {
        this(path, title, intro, formId, method, action, result, next, urlFields, check, "", "");
    }

    static PortalPage search(String path, String title, String intro, String formId, String action, String result) {
        return new PortalPage(path, title, intro, formId, "GET", action, result, "", "", "");
    }

    static PortalPage form(String path, String title, String intro, String formId, String action, String next) {
        return new PortalPage(path, title, intro, formId, "POST", action, "", next, "", "");
    }

    PortalPage withUrlFields(String urlFields, String check) {
        return new PortalPage(path, title, intro, formId, method, action, result, next, urlFields, check, multipart, lookups);
    }

    PortalPage withResult(String result) {
        return new PortalPage(path, title, intro, formId, method, action, result, next, urlFields, check, multipart, lookups);
    }

    PortalPage multipart(String jsonPart) {
        return new PortalPage(path, title, intro, formId, method, action, result, next, urlFields, check, jsonPart, lookups);
    }

    PortalPage withLookups(String lookups) {
        return new PortalPage(path, title, intro, formId, method, action, result, next, urlFields, check, multipart, lookups);
    }
}
