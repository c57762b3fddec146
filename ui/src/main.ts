import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { today } from "./views/today/todayService.svelte";

// Today is the start screen: ask for it before building the views, so the answer
// is on its way while they mount.
today.askEarly();

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
export default mount(App, { target });
