// The shared scenarios (scenarios.ts) in Firefox. Run by `npm run test:e2e:firefox`.

import { firefoxDriver } from "./firefox";
import { defineScenarios } from "./scenarios";

defineScenarios({ browser: "firefox", start: firefoxDriver });
