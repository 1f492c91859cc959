/**
 * Transfer learning: {@link dev.jconv.transfer.WeightTransfer} moves weights from a model or a
 * weights file of one network into a model of another by name or through a mapping, with a {@link
 * dev.jconv.transfer.TransferReport}; {@link dev.jconv.transfer.LayerGroup} freezes and unfreezes a
 * run of layers (Keras's {@code base.trainable = False}) and scales their learning rate for
 * fine-tuning.
 */
package dev.jconv.transfer;
