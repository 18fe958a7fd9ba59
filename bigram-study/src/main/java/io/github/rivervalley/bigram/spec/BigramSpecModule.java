package io.github.rivervalley.bigram.spec;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** Registers the bigram spec types with the simulator's spec reader (found through {@link java.util.ServiceLoader}). */
public final class BigramSpecModule extends SimpleModule {

    public BigramSpecModule() {
        super("rivervalley-bigram");
        registerSubtypes(new NamedType(BigramLandscapeSpec.class, BigramLandscapeSpec.TYPE),
                new NamedType(MinibatchNoiseSpec.class, MinibatchNoiseSpec.TYPE));
    }
}
