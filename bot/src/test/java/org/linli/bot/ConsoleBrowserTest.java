package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium with
 * the driver's path given; skipped where they are not installed): the bootstrap admin logs in
 * through the form, creates an operator account, sees it in the list and in the audit log. The
 * screenshots are written to {@code docs/console/} (login, accounts, audit), where they are
 * committed.
 */
class ConsoleBrowserTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", "jiedao:correct-horse-battery"));

  @Test
  void an_admin_logs_in_creates_an_operator_and_finds_it_in_the_list_and_the_audit_log() throws Exception {
    HeadlessChromium.assumeInstalled();
    ChromeDriver browser = HeadlessChromium.start();
    String base = "http://127.0.0.1:" + service.verticle.port();
    try {
      // A phone's width: the pages must read there.
      browser.manage().window().setSize(new Dimension(420, 900));
      browser.get(base + "/console/");
      assertThat(browser.getCurrentUrl()).isEqualTo(base + "/console/login");
      assertThat(browser.getTitle()).contains("登录");
      browser.findElement(By.name("username")).sendKeys("jiedao");
      browser.findElement(By.name("password")).sendKeys("correct-horse-battery");
      HeadlessChromium.shot(browser, "login.png");
      browser.findElement(By.cssSelector("form[action='/console/login'] button")).click();

      HeadlessChromium.arrive(browser, base + "/console/");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("你好，jiedao", "街道管理员");

      browser.manage().window().setSize(new Dimension(900, 900));
      browser.findElement(By.linkText("账号")).click();
      WebElement form = browser.findElement(By.id("create-account"));
      form.findElement(By.name("username")).sendKeys("wang.fang");
      form.findElement(By.name("password")).sendKeys("hotline-password-1");
      new Select(form.findElement(By.name("role"))).selectByValue("operator");
      HeadlessChromium.submit(browser, form.findElement(By.cssSelector("button[type=submit]")));

      HeadlessChromium.arrive(browser, base + "/console/accounts");
      assertThat(browser.findElement(By.id("accounts")).getText()).contains("wang.fang");
      String list = browser.findElement(By.id("accounts")).getText();
      assertThat(list).contains("wang.fang", "热线工作人员", "jiedao", "街道管理员");
      HeadlessChromium.shot(browser, "accounts.png");

      browser.findElement(By.linkText("操作记录")).click();
      String audit = browser.findElement(By.id("audit")).getText();
      assertThat(audit).contains("jiedao", "account.create", "wang.fang (operator)", "login");
      HeadlessChromium.shot(browser, "audit.png");
    } finally {
      browser.quit();
    }
    for (String name : new String[]{"login.png", "accounts.png", "audit.png"}) {
      assertThat(Files.size(HeadlessChromium.docs(name))).as(name).isGreaterThan(5_000);
    }
  }

}
