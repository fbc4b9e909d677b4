package dev.governor.adapters.git;

import dev.governor.api.Trailer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TrailersProperties {

    @Property
    void parsing_any_text_never_throws(@ForAll String message) {
        assertThat(Trailers.parse(message)).isNotNull();
        Trailers.revertedCommit(message);
    }

    @Property
    void parses_the_trailer_block_it_is_given(@ForAll("trailers") List<Trailer> trailers, @ForAll("prose") String body) {
        String block = trailers.stream().map(t -> t.key() + ": " + t.value()).collect(Collectors.joining("\n"));
        String message = "Subject line\n\n" + body + "\n\n" + block + "\n";

        assertThat(Trailers.parse(message)).isEqualTo(trailers);
    }

    @Provide
    Arbitrary<List<Trailer>> trailers() {
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('-')
                .ofMinLength(1).ofMaxLength(12).filter(k -> Character.isLetterOrDigit(k.charAt(0)));
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).map(String::strip);
        return Combinators.combine(keys, values).as(Trailer::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> prose() {
        // prose lines never look like trailers: they have no colon
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.').ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank()).map(s -> "x" + s);
    }
}
