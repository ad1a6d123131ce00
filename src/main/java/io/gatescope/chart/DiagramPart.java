package io.gatescope.chart;

/**
 * A thing in the cell diagram a user can point at: a gate block or one of the states flowing in
 * and out. The hit test returns it so the UI can show a tooltip or select the block's heatmap.
 *
 * @param type  what it is
 * @param block the gate block in PyTorch order for {@link Type#GATE}; 0 otherwise
 */
public record DiagramPart(Type type, int block) {

    /** The kinds of pointable things. */
    public enum Type { GATE, INPUT, PREVIOUS_HIDDEN, PREVIOUS_CELL, CELL_STATE, HIDDEN_STATE }

    public DiagramPart {
        if (block < 0 || (type != Type.GATE && block != 0)) {
            throw new IllegalArgumentException("only a gate has a block number, got " + type + " " + block);
        }
    }

    public static DiagramPart gate(int block) { return new DiagramPart(Type.GATE, block); }

    public static DiagramPart of(Type type) { return new DiagramPart(type, 0); }
}
