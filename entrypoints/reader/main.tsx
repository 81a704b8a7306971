import { render } from "preact";
import { ReaderController } from "./controller";
import { ReaderApp } from "./ReaderApp";

const pages = document.getElementById("pages") as HTMLElement;
const reader = new ReaderController(pages);
render(<ReaderApp reader={reader} />, document.getElementById("app") as HTMLElement);
reader.openFromLocation();

let resizeTimer = 0;
addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => reader.resized(), 150);
});
