package dev.aifirst.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aifirst.AiFirst;
import dev.aifirst.spring.app.BookingDesk;
import dev.aifirst.spring.app.Guestbook;
import dev.aifirst.spring.app.StarterTestApplication;
import dev.aifirst.spring.testsupport.DatabaseTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Without a TimeMachine the runtime's own workers execute the work, as in production, with the
 * aifirst.* properties: this node's name is what it records with the work it picks.
 */
@DatabaseTest
@SpringBootTest(classes = StarterTestApplication.class, properties = {
    "aifirst.node-name=node-7", "aifirst.threads=2", "aifirst.polling-interval=PT1H",
    "aifirst.takeover-after=PT30S"})
class RealSchedulerTest {

    @Autowired
    AiFirst runtime;
    @Autowired
    BookingDesk desk;
    @Autowired
    Guestbook guestbook;
    @Autowired
    AiFirstProperties properties;

    @Test
    void theWorkersPickCommittedWorkAtOnceAndRecordThisNodesName() {
        assertThat(runtime.isRunning()).isTrue();
        assertThat(properties.getThreads()).isEqualTo(2);
        assertThat(properties.getTakeoverAfter()).isEqualTo(Duration.ofSeconds(30));

        desk.book("Margaret", false);

        // The polling interval is an hour: only the wake-up after the commit gets the work done.
        // Generous bound for a loaded CI machine.
        await().atMost(Duration.ofSeconds(30)).until(() -> guestbook.lines().contains("confirmation sent to Margaret"));
        await().atMost(Duration.ofSeconds(30)).until(() -> guestbook.lines().contains("Margaret picked by [node-7]"));
    }
}
