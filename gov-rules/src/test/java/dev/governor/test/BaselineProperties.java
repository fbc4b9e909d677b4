package dev.governor.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class BaselineProperties {

    @Property
    void a_baseline_file_stays_in_its_directory_whatever_the_rule_description(@ForAll String description) {
        Path dir = Path.of("baselines");
        Path file = Baseline.file(dir, description);

        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(file.getFileName().toString()).matches("[A-Za-z0-9._-]+\\.txt");
    }
}
