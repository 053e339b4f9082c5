package org.pdviz.app.jobs;

import org.pdviz.runtime.Device;
import org.pdviz.train.Checkpointer;
import org.pdviz.train.data.TrainingData;

/**
 * What a run gets from {@link Jobs}: its data (read before the folder was made), the device training
 * resolved to, the checkpointer of its state file and the relay of its progress.
 */
record JobContext(TrainingData.Source data, Device device, Checkpointer checkpointer, ProgressRelay relay) {
}
