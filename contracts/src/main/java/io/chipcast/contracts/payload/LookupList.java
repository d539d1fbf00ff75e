package io.chipcast.contracts.payload;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An unmodifiable list that answers {@code contains} in constant time: a ruling's scope may list
 * a thousand SKUs, and the forecast asks it about every line and substitute of every customer.
 * Null elements are kept, so that validation can name them.
 */
final class LookupList<E> extends AbstractList<E> {

    private final List<E> elements;
    private final Set<E> lookup;

    LookupList(Collection<? extends E> elements) {
        this.elements = new ArrayList<>(elements);
        this.lookup = new HashSet<>(elements);
    }

    @Override
    public E get(int index) {
        return elements.get(index);
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public boolean contains(Object element) {
        return lookup.contains(element);
    }
}
