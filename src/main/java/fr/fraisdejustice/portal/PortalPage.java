package fr.fraisdejustice.portal;

/**
 * One page of the provider portal: where it lives, its title, the form of {@code forms/} it renders, and the API call
 * its submit button makes ({@code GET} calls keep their criteria in the page's URL).
 *
 * @param result how the browser code shows a successful answer (a name it knows), or empty for a plain message
 */
record PortalPage(String path, String title, String intro, String formId, String method, String action, String result) {
}
