package org.pdviz.train.djl;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tensors in a manager of their own (the parameters, Adam's moments, the EMA's shadow): closed
 * together, counted for leaks, and saved or restored as float arrays by name.
 */
abstract class OwnedTensors implements AutoCloseable {

    final NDManager manager;

    OwnedTensors(NDManager manager) {
        this.manager = manager;
    }

    /** The values of each tensor, by name, in order. */
    static Map<String, float[]> export(Map<String, NDArray> tensors) {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors.forEach((k, a) -> out.put(k, a.toFloatArray()));
        return out;
    }

    /** Puts a fresh tensor of {@code values}, shaped as the old one, in the entry's place; closes the old one. */
    NDArray replace(Map.Entry<String, NDArray> e, float[] values) {
        NDArray fresh = manager.create(values, e.getValue().getShape());
        e.getValue().close();
        e.setValue(fresh);
        return fresh;
    }

    /** How many tensors the manager holds: constant from step to step unless something leaks. */
    int managedArrays() {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
