package fr.fraisdejustice.bulkupload;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a dépôt flux (src/main/resources/bulk/depot-flux.xsd) one {@code <memoire>} at a time, so a file of 10 000
 * mémoires never sits whole in memory. Safe by construction: a DOCTYPE is refused (so no entity, internal or external,
 * can be declared or expanded) and the factory supports neither DTDs nor external entities. Nesting is bounded by the
 * format itself: {@code <memoire>} holds {@code <line>}s and leaves, a {@code <line>} holds leaves, a leaf holds text
 * only, so no file can nest deeper than four levels. A structural error stops the reading with its line and element.
 */
final class FluxReader {

    static final String NAMESPACE = "http://fraisdejustice.fr/depot-flux/1";
    static final int MAX_MEMOIRES = 10_000;
    private static final Set<String> MEMOIRE_CHILDREN = Set.of("structureId", "jurisdictionCode", "serviceCode",
            "bankAccountId", "providerCategory", "referenceText", "vatType", "providerInvoiceNumber", "line", "attachment",
            "swornStatement", "lateAcknowledged");
    private static final Set<String> LINE_CHILDREN = Set.of("caseNumber", "requisitionDate", "requestingAuthority",
            "serviceType", "serviceDate", "quantity", "unitPriceExclVat", "vatRate", "sundryCosts", "sundryCostsDetail",
            "disbursements", "withOption", "night", "weekend", "firstHour");
    /** What a leaf element (a value, an attachment's base64) may contain: no element at all. */
    private static final Set<String> LEAF = Set.of();

    /** An element of a mémoire: its attributes, its text, its children, and where it starts. */
    record Node(String name, Map<String, String> attributes, String text, List<Node> children, int line) {

        Optional<String> text(String child) {
            return children.stream().filter(c -> c.name().equals(child)).findFirst().map(Node::text)
                    .map(String::trim).filter(t -> !t.isEmpty());
        }

        List<Node> all(String child) {
            return children.stream().filter(c -> c.name().equals(child)).toList();
        }
    }

    /** Where and why the file cannot be read. */
    static final class FluxException extends Exception {
        final int line;
        final String element;

        FluxException(int line, String element, String detail) {
            super(detail);
            this.line = line;
            this.element = element;
        }
    }

    interface Handler {
        void memoire(int position, Node memoire);
    }

    private FluxReader() {
    }

    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Reads every mémoire, handing each to the handler; returns how many there were. */
    static int read(InputStream in, Handler handler) throws FluxException {
        XMLStreamReader xml = null;
        String element = "depotFlux";
        try {
            xml = safeFactory().createXMLStreamReader(in, "UTF-8");
            int position = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new FluxException(xml.getLocation().getLineNumber(), "DOCTYPE",
                            "Un dépôt flux ne déclare ni DTD ni entité : retirez la ligne <!DOCTYPE …>.");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                element = xml.getLocalName();
                if (position == 0 && "depotFlux".equals(element)) {
                    if (!NAMESPACE.equals(xml.getNamespaceURI())) {
                        throw new FluxException(xml.getLocation().getLineNumber(), element,
                                "L'élément racine est <depotFlux xmlns=\"" + NAMESPACE + "\"> (version 1 du format).");
                    }
                    position = -1;
                    continue;
                }
                if (position == 0) {
                    throw new FluxException(xml.getLocation().getLineNumber(), element,
                            "L'élément racine d'un dépôt flux est <depotFlux>, pas <" + element + ">.");
                }
                if (!"memoire".equals(element)) {
                    throw new FluxException(xml.getLocation().getLineNumber(), element,
                            "<depotFlux> ne contient que des <memoire>, pas de <" + element + ">.");
                }
                int count = position < 0 ? 1 : position + 1;
                if (count > MAX_MEMOIRES) {
                    throw new FluxException(xml.getLocation().getLineNumber(), element,
                            "Un dépôt flux compte au plus " + MAX_MEMOIRES + " mémoires : partagez le fichier.");
                }
                Node memoire = node(xml, MEMOIRE_CHILDREN);
                position = count;
                handler.memoire(position, memoire);
            }
            if (position == 0) {
                throw new FluxException(1, "depotFlux", "Le fichier ne contient aucun élément <depotFlux>.");
            }
            return Math.max(position, 0);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new FluxException(line, element, "XML mal formé : " + e.getMessage().replaceAll("^ParseError at \\[[^]]*]\\s*Message: ", ""));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream is closed by its owner
                }
            }
        }
    }

    /** The element the reader stands on, whole, with only the allowed children. */
    private static Node node(XMLStreamReader xml, Set<String> allowedChildren) throws XMLStreamException, FluxException {
        String name = xml.getLocalName();
        int line = xml.getLocation().getLineNumber();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        List<Node> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (allowedChildren.isEmpty()) {
                    throw new FluxException(xml.getLocation().getLineNumber(), xml.getLocalName(),
                            "<" + name + "> ne contient qu'une valeur, pas d'élément <" + xml.getLocalName() + "> (voir depot-flux.xsd).");
                }
                if (!allowedChildren.contains(xml.getLocalName())) {
                    throw new FluxException(xml.getLocation().getLineNumber(), xml.getLocalName(),
                            "<" + name + "> ne contient pas d'élément <" + xml.getLocalName() + "> (voir depot-flux.xsd).");
                }
                children.add(node(xml, "line".equals(xml.getLocalName()) ? LINE_CHILDREN : LEAF));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new Node(name, attributes, text.toString(), children, line);
            }
        }
    }
}
