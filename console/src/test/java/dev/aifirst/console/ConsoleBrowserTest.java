package dev.aifirst.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.DoublerGrandparent;
import dev.aifirst.workflows.fixtures.Unsteady;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium, over a runtime on H2
 * after a few days of bookings on the test clock. Screenshots land in target/screenshots. Skipped,
 * saying why, where Chromium or its driver is not installed.
 */
@Tag("browser")
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    private ConsoleServer server;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here: install Debian's chromium and chromium-driver (apt-get install -y chromium"
                        + " chromium-driver) to run the console's browser test");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString()); // so Selenium downloads nothing
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("console-chromium"));
        try {
            browser = new ChromeDriver(options);
        } catch (WebDriverException e) {
            assumeTrue(false, "Chromium did not start, so the browser test is skipped: " + e.getMessage());
        }
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
        BookingHandlers.reset();
        Unsteady.reset();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anOperatorFollowsEventsAndRunsFromTheOverviewToARunsTimeline(AiFirst runtime, TimeMachine time,
            EntityManagerFactory emf) throws IOException {
        BookingHandlers.FAILURES_TO_GO.set(100); // every attempt of the flaky handler fails
        long ada = book(emf, time, "Ada");
        book(emf, time, "Grace");
        book(emf, time, "Barbara");
        DoublerGrandparent.Context doubling = new DoublerGrandparent.Context();
        doubling.value = 21;
        String grandparent = runtime.workflows().start(DoublerGrandparent.class, doubling);
        Unsteady.Context doomed = new Unsteady.Context();
        doomed.badArgument = true;
        runtime.workflows().start(Unsteady.class, doomed);
        time.advance(Duration.ofDays(2));
        server = Console.serve(runtime, 0);

        browser.get(server.uri().toString());
        // The live overview redraws its cards on every event, so each count is looked up afresh.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "live"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-card='runs'] [data-status='FAILED'] b"), "1"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-card='runs'] [data-status='COMPLETED'] b"),
                String.valueOf(runtime.workflows().count(
                        dev.aifirst.workflows.RunQuery.withStatus(dev.aifirst.workflows.RunStatus.COMPLETED)))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "room number -1"));
        WebElement failedDelivery = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "details.trace")));
        assertThat(failedDelivery.getText()).contains("lock service unavailable").doesNotContain("\tat ");
        screenshot("overview");
        failedDelivery.findElement(By.tagName("summary")).click();
        assertThat(failedDelivery.getText()).as("the stack trace unfolds").contains("at dev.aifirst");

        browser.get(server.uri() + "events?entityType=" + Booking.class.getName() + "&entityId=" + ada);
        WebElement firstEvent = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#events tr[data-event]")));
        assertThat(browser.findElements(By.cssSelector("#events tr[data-event]")))
                .allSatisfy(row -> assertThat(row.getText()).contains("Booking " + ada));
        firstEvent.findElement(By.cssSelector(".expand")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr.detail"), "BookingHandlers#"));
        screenshot("events");

        browser.get(server.uri() + "runs?workflow=doubler_grandparent");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("doubler_grandparent"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        assertThat(browser.getCurrentUrl()).endsWith("run?id=" + grandparent);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("delegate", "keep");
        assertThat(browser.findElement(By.id("context")).getText()).contains("\"value\": 42");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("doubler_parent");
        screenshot("run");

        browser.get(server.uri() + "runs?status=FAILED");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("unsteady"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "room number -1"));
        assertThat(browser.findElement(By.id("run-status")).getText()).contains("failed");
        screenshot("failed-run");

        browser.get(server.uri() + "events?limit=0&dueFrom=someday");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role='alert']")));
        assertThat(browser.findElement(By.cssSelector("[role='alert']")).getText()).startsWith("dueFrom:");
    }

    private static long book(EntityManagerFactory emf, TimeMachine time, String guest) {
        Booking booking = new Booking(guest, time.now().plus(Duration.ofDays(2)));
        booking.setStatus(Booking.Status.CONFIRMED);
        TestHibernate.inTransaction(emf, em -> em.persist(booking));
        return booking.getId();
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
