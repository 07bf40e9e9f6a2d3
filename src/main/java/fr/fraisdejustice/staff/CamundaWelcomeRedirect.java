package fr.fraisdejustice.staff;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;

/** Camunda's texts link to « /camunda-welcome »: it leads to the welcome page of our webapps, not to a login box. */
@Controller
@Hidden
class CamundaWelcomeRedirect {

    @GetMapping("/camunda-welcome")
    String welcome() {
        return "redirect:/camunda/app/welcome/default/";
    }
}
