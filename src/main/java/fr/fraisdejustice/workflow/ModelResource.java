package fr.fraisdejustice.workflow;

import java.util.Arrays;
import java.util.Objects;

/** One analyst model as deployed: its stable name ({@code bpmn/account-activation.bpmn}) and its bytes. */
public record ModelResource(String name, byte[] content) {

    public ModelResource {
        Objects.requireNonNull(name);
        Objects.requireNonNull(content);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelResource that && name.equals(that.name) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return name + " (" + content.length + " octets)";
    }
}
