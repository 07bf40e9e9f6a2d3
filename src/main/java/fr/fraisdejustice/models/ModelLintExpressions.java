package fr.fraisdejustice.models;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * What an analyst's model may ask the server to run: nothing of its own. Each model is read as plain XML (no DOCTYPE, so
 * no external entity) and every element, attribute and text is looked at, wherever Camunda would evaluate it.
 * <p>
 * BPMN: no script task, no {@code camunda:script} (script listeners, script input/output), no condition in another
 * language than JUEL (script conditions), no {@code camunda:class} nor variable mapping class, no connector; and every
 * {@code ${…}} / {@code #{…}} is parsed by Camunda's own JUEL parser and its tree walked against an allow-list:
 * variable references, literals, comparison, arithmetic and boolean operators ({@code not}, {@code empty} included),
 * the ternary, parentheses, {@code dateTime()} (with the date arithmetic of Joda-Time:
 * {@code plus…}/{@code minus…}/{@code withTimeAtStartOfDay}/{@code toDate}), {@code execution.processBusinessKey} and
 * named beans of ours ({@code ${bean}}, {@code ${bean.method(…)}}, {@code ${bean.property}}: the method or getter must be
 * declared by a class of ours, so nothing inherited from {@code Object} such as {@code getClass}). A name that is a bean
 * of a library (the data source, the engine's services) is refused even as a "variable": Camunda resolves it to the bean.
 * <p>
 * DMN: every expression is FEEL (no {@code expressionLanguage} naming a script language or JUEL), without function
 * definitions ({@code function(…)}) and so without external (Java) functions.
 */
public final class ModelLintExpressions {

    /** The application's beans, as the lint needs to know them. */
    public interface Beans {
        /** A bean of ours (package {@code fr.fraisdejustice}) named so. */
        boolean isOurs(String name);

        /** Any bean named so, ours or a library's. */
        boolean exists(String name);

        /** The bean named so is of a class of ours that declares this public method. */
        boolean declaresMethod(String bean, String method);

        /** No bean known: for tests of the lint alone. */
        Beans NONE = new Beans() {
            @Override
            public boolean isOurs(String name) {
                return false;
            }

            @Override
            public boolean exists(String name) {
                return false;
            }

            @Override
            public boolean declaresMethod(String bean, String method) {
                return false;
            }
        };
    }

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
            "processEngineServices", "processEngine", "variableScope", "authenticatedUserId", "connector");
    private static final Pattern DATE_ARITHMETIC = Pattern.compile("(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)"
            + "|withTimeAtStartOfDay|toDate");
    private static final Set<String> FEEL_LANGUAGES = Set.of("feel", "feel-scala", "feel-juel",
            "https://www.omg.org/spec/DMN/20191111/FEEL/", "http://www.omg.org/spec/FEEL/20140401");
    private static final Pattern FEEL_FUNCTION = Pattern.compile("\\bfunction\\s*\\(");
    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private final Beans beans;
    private final Builder juel = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    public ModelLintExpressions(Beans beans) {
        this.beans = beans;
    }

    /** Checks a BPMN; answers false when it is not even readable XML (the reason is added). */
    boolean checkProcess(String file, byte[] content, List<String> violations) {
        Document document = read(file, content, violations);
        if (document == null) {
            return false;
        }
        walkProcess(file, document.getDocumentElement(), violations);
        return true;
    }

    /** Checks a DMN; answers false when it is not even readable XML (the reason is added). */
    boolean checkDecisions(String file, byte[] content, List<String> violations) {
        Document document = read(file, content, violations);
        if (document == null) {
            return false;
        }
        walkDecisions(file, document.getDocumentElement(), violations);
        return true;
    }

    private void walkProcess(String file, Element element, List<String> violations) {
        String name = element.getLocalName();
        String where = describe(element);
        if (BPMN.equals(element.getNamespaceURI()) && name.equals("scriptTask")) {
            violations.add(file + ": " + where + " est une tâche de script : interdit, appeler un bean de l'application");
        }
        if (CAMUNDA_BPMN.equals(element.getNamespaceURI()) && name.equals("script")) {
            violations.add(file + ": " + where + " contient un script (camunda:script) : interdit");
        }
        if (CAMUNDA_BPMN.equals(element.getNamespaceURI()) && name.equals("connector")) {
            violations.add(file + ": " + where + " utilise un connecteur (camunda:connector) : interdit");
        }
        if (element.hasAttribute("language")) {
            violations.add(file + ": " + where + " est un script en « " + element.getAttribute("language")
                    + " » (condition ou expression de script) : interdit");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            boolean camunda = CAMUNDA_BPMN.equals(attribute.getNamespaceURI())
                    || attribute.getNamespaceURI() == null && CAMUNDA_BPMN.equals(element.getNamespaceURI());
            if (camunda && (local.equals("class") || local.equals("variableMappingClass"))) {
                violations.add(file + ": " + where + " utilise camunda:" + local + " (« " + attribute.getValue()
                        + " ») : interdit, appeler un bean par delegateExpression=\"${nomDuBean}\"");
            }
            if (camunda && local.equals("resource")) {
                violations.add(file + ": " + where + " charge une ressource externe (camunda:resource) : interdit");
            }
            checkText(file, where, attribute.getValue(), violations);
            if (camunda && (local.equals("delegateExpression") || local.equals("variableMappingDelegateExpression"))) {
                checkDelegate(file, where, attribute.getValue(), violations);
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            org.w3c.dom.Node child = children.item(i);
            if (child instanceof Element childElement) {
                walkProcess(file, childElement, violations);
            } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                    || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                checkText(file, where, child.getNodeValue(), violations);
            }
        }
    }

    private void checkDelegate(String file, String where, String expression, List<String> violations) {
        var matcher = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)}").matcher(expression.strip());
        if (matcher.matches() && beans != Beans.NONE && !beans.isOurs(matcher.group(1))) {
            violations.add(file + ": " + where + " appelle « " + matcher.group(1)
                    + " », qui n'est pas un bean de l'application");
        }
    }

    private void checkText(String file, String where, String text, List<String> violations) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        Node root;
        try {
            root = juel.build(text).getRoot();
        } catch (TreeBuilderException e) {
            violations.add(file + ": " + where + " : l'expression « " + text.strip() + " » est illisible (" + e.getMessage() + ")");
            return;
        }
        String refused = refusal(root);
        if (refused != null) {
            violations.add(file + ": " + where + " : l'expression « " + text.strip() + " » sort de la liste permise ("
                    + refused + ")");
        }
    }

    /** Why a node (or one below it) is not allowed, or null when the whole tree keeps to the allow-list. */
    private String refusal(Node node) {
        if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
                || node instanceof AstChoice || node instanceof AstBinary || node instanceof AstParameters) {
            return children(node);
        }
        if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull) {
            return null;
        }
        if (node instanceof AstUnary) {
            return children(node);
        }
        if (node instanceof AstIdentifier identifier) {
            return identifierRefusal(identifier.getName());
        }
        if (node instanceof AstFunction function) {
            if (!function.getName().equals("dateTime") || function.getParamCount() != 0) {
                return "la fonction « " + function.getName() + "() » n'est pas permise, seulement dateTime()";
            }
            return null;
        }
        if (node instanceof AstDot dot) {
            return propertyRefusal(dot.getChild(0), propertyOf(dot), false);
        }
        if (node instanceof AstMethod method) {
            if (!(method.getChild(0) instanceof AstDot dot)) {
                return "un appel de méthode par crochets n'est pas permis";
            }
            String refused = propertyRefusal(dot.getChild(0), propertyOf(dot), true);
            return refused != null ? refused : children(method.getChild(1));
        }
        return "« " + node + " » n'est pas permis (crochets, lambda ou autre construction)";
    }

    private String children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            String refused = refusal(node.getChild(i));
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    private String identifierRefusal(String name) {
        if (ENGINE_NAMES.contains(name)) {
            return "« " + name + " » n'est permis que sous la forme execution.processBusinessKey";
        }
        if (beans.exists(name) && !beans.isOurs(name)) {
            return "« " + name + " » est un composant technique, pas une variable ni un bean de l'application";
        }
        return null;
    }

    /** {@code prefix.property} or {@code prefix.method(…)}: on execution, on dateTime(), or on a bean of ours. */
    private String propertyRefusal(Node prefix, String property, boolean call) {
        if (prefix instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (name.equals("execution") && property.equals("processBusinessKey") && !call) {
                return null;
            }
            if (beans.isOurs(name)) {
                String method = call ? property : "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
                String isMethod = "is" + method.substring(3);
                if (beans.declaresMethod(name, method) || !call && beans.declaresMethod(name, isMethod)) {
                    return null;
                }
                return "« " + name + "." + property + " » : le bean n'a pas de méthode « " + property + " » à lui";
            }
            return "« " + name + "." + property + " » : seuls execution.processBusinessKey et les méthodes des beans de "
                    + "l'application sont permis";
        }
        if (call && DATE_ARITHMETIC.matcher(property).matches() && isDate(prefix)) {
            return refusal(prefix);
        }
        return "« ." + property + (call ? "()" : "") + " » n'est pas permis ici";
    }

    /** dateTime(), or a date computed from it. */
    private static boolean isDate(Node node) {
        if (node instanceof AstFunction function) {
            return function.getName().equals("dateTime");
        }
        if (node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot) {
            return DATE_ARITHMETIC.matcher(propertyOf(dot)).matches() && isDate(dot.getChild(0));
        }
        return false;
    }

    /** JUEL prints a dot node as {@code . name}. */
    private static String propertyOf(AstDot dot) {
        return dot.toString().replaceFirst("^\\.\\s*", "").strip();
    }

    private void walkDecisions(String file, Element element, List<String> violations) {
        String where = describe(element);
        String language = element.getAttribute("expressionLanguage");
        if (!language.isBlank() && !FEEL_LANGUAGES.contains(language.toLowerCase())) {
            violations.add(file + ": " + where + " utilise le langage « " + language
                    + " » : seules les expressions FEEL sont permises dans une table");
        }
        if (element.getLocalName().equals("text")) {
            String withoutStrings = FEEL_STRING.matcher(element.getTextContent()).replaceAll("\"\"");
            if (FEEL_FUNCTION.matcher(withoutStrings).find()) {
                violations.add(file + ": " + where + " définit une fonction FEEL (« function(…) ») : interdit, fonctions "
                        + "externes (Java) comprises");
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                walkDecisions(file, child, violations);
            }
        }
    }

    /** The element by its id, else by its name in the file: « l'élément Task_SendMail ». */
    private static String describe(Element element) {
        for (Element current = element; current != null;
             current = current.getParentNode() instanceof Element parent ? parent : null) {
            if (current.hasAttribute("id")) {
                return "l'élément " + current.getAttribute("id");
            }
        }
        return "l'élément " + element.getLocalName();
    }

    /** Reads a model as XML with no DOCTYPE at all: no external entity, no entity expansion. */
    static Document read(String file, byte[] content, List<String> violations) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (org.xml.sax.SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            violations.add(file + (message.contains("DOCTYPE")
                    ? ": une déclaration DOCTYPE (entités, XXE) est interdite dans un modèle"
                    : ": XML illisible (" + message + ")"));
            return null;
        } catch (java.io.IOException | ParserConfigurationException e) {
            violations.add(file + ": XML illisible (" + e.getMessage() + ")");
            return null;
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
