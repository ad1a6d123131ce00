package io.gatescope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cell kind is, said once: its gate blocks in PyTorch's stacking order with PyTorch's letters,
 * which of them are gates (σ) and which the candidate (tanh) or a plain RNN's whole new state, the
 * order of the sub-steps inside one step, and the shape of its state update. The engine's cells
 * compute it; the diagram, the equations, the sub-step walk, the tooltips, the gradient views and
 * gate clamping read it. Names in each notation live in {@code chart.Notation}, keyed by the letters.
 *
 * <p>Every {@link CellKind} holds one description; a new kind is its step code plus its description.
 * Instances are immutable.
 */
public final class CellAnatomy {

    /** A block's nonlinearity. */
    public enum Activation {
        SIGMOID("σ"), TANH("tanh"), RELU("relu");

        private final String symbol;

        Activation(String symbol) { this.symbol = symbol; }

        /** As the equations write it: σ, tanh, relu. */
        public String symbol() { return symbol; }
    }

    /** What a block's output is for. */
    public enum Role {
        /** A σ gate: a fraction in (0,1) that scales a flow (LSTM i, f, o; GRU r, z; u). */
        GATE,
        /** The candidate: new content in (−1,1), written into the state through the gates (LSTM g, GRU n). */
        CANDIDATE,
        /** A plain RNN's one block: its activation is the new hidden state itself. */
        HIDDEN
    }

    /** A state a step computes besides its blocks. */
    public enum State { CELL, HIDDEN }

    /**
     * One stacked block of {@code weight_ih}/{@code weight_hh}: rows {@code index·H .. index·H+H−1}.
     *
     * @param letter PyTorch's letter: i f g o (LSTM), r z n (GRU), u g (the seeds' GRU), h (plain RNN)
     */
    public record Block(int index, String letter, Role role, Activation activation) {
        /** Whether this block is a σ gate (and so can be clamped to a fraction). */
        public boolean isGate() { return role == Role.GATE; }
    }

    /** One sub-step of a step (sub-step 0 computes nothing: it shows the inputs). */
    public record SubStep(int index, List<Block> blocks, List<State> states) {
        public SubStep {
            blocks = List.copyOf(blocks);
            states = List.copyOf(states);
        }

        /** Whether this sub-step computes nothing and only presents the inputs. */
        public boolean isInputs() { return blocks.isEmpty() && states.isEmpty(); }
    }

    /** The shape of the state update: which blocks meet where. */
    public sealed interface Update permits CellUpdate, Interpolation, Activated {
    }

    /** The LSTM's: {@code c_t = f ⊙ c_{t−1} + i ⊙ g} and {@code h_t = o ⊙ tanh(c_t)}. */
    public record CellUpdate(Block forget, Block input, Block candidate, Block output) implements Update {
    }

    /**
     * A GRU's: the new h mixes the old h and the candidate through one gate. PyTorch's z keeps the old
     * state ({@code h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}}, {@code gateKeepsOld}); the seeds' u takes the
     * candidate ({@code h_t = u ⊙ g + (1 − u) ⊙ h_{t−1}}).
     */
    public record Interpolation(Block gate, Block candidate, boolean gateKeepsOld) implements Update {
    }

    /** A plain RNN's: {@code h_t = act(W_ih x + b_ih + W_hh h_{t−1} + b_hh)}. */
    public record Activated(Block hidden) implements Update {
    }

    private final List<Block> blocks;
    private final Map<String, Block> byLetter;
    private final List<SubStep> subSteps;
    private final Update update;
    private final Block reset;
    private final List<Block> peepholeBlocks;

    private CellAnatomy(Builder b) {
        blocks = List.copyOf(b.blocks);
        byLetter = new LinkedHashMap<>();
        for (Block block : blocks) byLetter.put(block.letter(), block);
        List<SubStep> steps = new ArrayList<>();
        steps.add(new SubStep(0, List.of(), List.of()));
        for (Object[] items : b.subSteps) {
            List<Block> computed = new ArrayList<>();
            List<State> states = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof State s) states.add(s);
                else computed.add(block((String) item));
            }
            steps.add(new SubStep(steps.size(), computed, states));
        }
        subSteps = List.copyOf(steps);
        update = b.update.apply(this);
        reset = b.reset == null ? null : block(b.reset);
        peepholeBlocks = Arrays.stream(b.peepholes).map(this::block).toList();
        for (Block block : blocks) subStepOf(block);
        subStepOf(State.HIDDEN);
        if (hasCellState()) subStepOf(State.CELL);
    }

    /** Starts a description. */
    static Builder builder() { return new Builder(); }

    /** The blocks in PyTorch's stacking order. */
    public List<Block> blocks() { return blocks; }

    /** G: the weights have G·H rows. */
    public int blockCount() { return blocks.size(); }

    /** Block {@code index} in stacking order. */
    public Block block(int index) {
        if (index < 0 || index >= blocks.size()) {
            throw new IllegalArgumentException("the cell has blocks 0.." + (blocks.size() - 1) + " " + letters() + ", got " + index);
        }
        return blocks.get(index);
    }

    /** The block PyTorch calls {@code letter} ("f", "z", "u"); the message lists the letters this kind has. */
    public Block block(String letter) {
        return find(letter).orElseThrow(() -> new IllegalArgumentException(
                "no block '" + letter + "', expected one of " + letters()));
    }

    /** The block PyTorch calls {@code letter}, if this kind has one. */
    public Optional<Block> find(String letter) {
        return Optional.ofNullable(byLetter.get(letter));
    }

    /** The stacking index of the block PyTorch calls {@code letter}. */
    public int blockIndex(String letter) { return block(letter).index(); }

    /** PyTorch's letters in stacking order: [i, f, g, o], [r, z, n], [u, g], [h]. */
    public List<String> letters() { return List.copyOf(byLetter.keySet()); }

    /** The σ gates, in stacking order: what a lecturer can clamp to a fixed fraction. */
    public List<Block> gates() {
        return blocks.stream().filter(Block::isGate).toList();
    }

    /** The gates a lecturer can clamp (to 0, 1 or any fraction): the σ gates. */
    public List<Block> clampable() { return gates(); }

    /** Whether the kind carries a cell state c besides h (the LSTM). */
    public boolean hasCellState() { return update instanceof CellUpdate; }

    /** Whether the kind has no gates at all: one block whose activation is h (a plain RNN). */
    public boolean isPlainRnn() { return update instanceof Activated; }

    /** How the blocks make the new state. */
    public Update update() { return update; }

    /** The gate that scales the recurrent part of the candidate's pre-activation (GRU r), if any. */
    public Optional<Block> reset() { return Optional.ofNullable(reset); }

    /** The blocks that read c_{t−1} when the LSTM has peephole connections (i, f, o), stacking order. */
    public List<Block> peepholeBlocks() { return peepholeBlocks; }

    /** Whether this kind can have peephole connections at all (only the LSTM's anatomy names any). */
    public boolean takesPeepholes() { return !peepholeBlocks.isEmpty(); }

    /**
     * The nonlinearity whose range bounds h: tanh for the LSTM (o·tanh(c)) and the GRUs (a mix of a
     * tanh candidate and the old h), the block's own for a plain RNN.
     */
    public Activation hiddenActivation() {
        return update instanceof Activated a ? a.hidden().activation() : Activation.TANH;
    }

    /** The sub-steps of one step in order; sub-step 0 shows the inputs. */
    public List<SubStep> subSteps() { return subSteps; }

    public int subStepCount() { return subSteps.size(); }

    /** The sub-step in which {@code block} is computed. */
    public int subStepOf(Block block) {
        for (SubStep s : subSteps) if (s.blocks().contains(block)) return s.index();
        throw new IllegalStateException("block " + block.letter() + " is computed in no sub-step");
    }

    /** The sub-step in which {@code state} is computed. */
    public int subStepOf(State state) {
        for (SubStep s : subSteps) if (s.states().contains(state)) return s.index();
        throw new IllegalArgumentException("no sub-step computes " + state);
    }

    @Override
    public String toString() { return "CellAnatomy" + letters(); }

    /** Writes a description in the order a reader checks it: blocks, sub-steps, update. */
    static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private final List<Object[]> subSteps = new ArrayList<>();
        private java.util.function.Function<CellAnatomy, Update> update;
        private String reset;
        private String[] peepholes = {};

        /** The next block is a σ gate. */
        Builder gate(String letter) { return block(letter, Role.GATE, Activation.SIGMOID); }

        /** The next block is the tanh candidate. */
        Builder candidate(String letter) { return block(letter, Role.CANDIDATE, Activation.TANH); }

        /** The next (only) block is a plain RNN's new state with activation {@code act}. */
        Builder hidden(String letter, Activation act) { return block(letter, Role.HIDDEN, act); }

        /** The next sub-step computes these block letters and {@link State}s. */
        Builder then(Object... computed) {
            subSteps.add(computed);
            return this;
        }

        /** c = f ⊙ c_prev + i ⊙ g; h = o ⊙ tanh(c). */
        Builder cellUpdate(String forget, String input, String candidate, String output) {
            update = a -> new CellUpdate(a.block(forget), a.block(input), a.block(candidate), a.block(output));
            return this;
        }

        /** h mixes h_prev and the candidate through {@code gate}; see {@link Interpolation}. */
        Builder interpolation(String gate, String candidate, boolean gateKeepsOld) {
            update = a -> new Interpolation(a.block(gate), a.block(candidate), gateKeepsOld);
            return this;
        }

        /** h = act(pre) of the one block. */
        Builder activated(String hidden) {
            update = a -> new Activated(a.block(hidden));
            return this;
        }

        /** The gate that scales the candidate's recurrent part. */
        Builder reset(String letter) {
            reset = letter;
            return this;
        }

        /** The blocks a peephole connection from c_{t−1} feeds. */
        Builder peepholes(String... letters) {
            peepholes = letters;
            return this;
        }

        CellAnatomy build() { return new CellAnatomy(this); }

        private Builder block(String letter, Role role, Activation act) {
            blocks.add(new Block(blocks.size(), letter, role, act));
            return this;
        }
    }
}
